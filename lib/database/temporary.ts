// A Postgres server that exists for one run: TEST_DATABASE_URL's or DATABASE_URL's server as given, or a whole
// embedded cluster in a temp folder. Tests and the migration writer use it and throw it away afterwards.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";

export interface TemporaryServer {
  /** A URL on the server that may create and drop databases. */
  serverUrl: string;
  stop(): Promise<void>;
}

export async function startTemporaryServer(externalServerUrl?: string): Promise<TemporaryServer> {
  if (externalServerUrl) return { serverUrl: externalServerUrl, stop: async () => {} };
  const folder = await mkdtemp(path.join(tmpdir(), "showfront-pg-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(folder, "data"), ephemeral: true, unsafeFast: true });
  return {
    serverUrl: server.serverUrl,
    async stop() {
      await server.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}
