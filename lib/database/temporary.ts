// A Postgres server that exists for one run: TEST_DATABASE_URL's or DATABASE_URL's server as given, or a whole
// embedded cluster in a temp folder. Tests and the migration writer use it and throw it away afterwards.
import "server-only";
import { execFile } from "node:child_process";
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "@/lib/database/free-port";
import { startEmbeddedPostgres } from "./embedded";

const run = promisify(execFile);

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

const SYSTEM_USER = "showfront";
const SYSTEM_PASSWORD = "showfront-test";

/** A throwaway cluster from a system PostgreSQL's binaries (the oldest version we support); as root, owned by `postgres`. */
export async function startSystemPostgres(binDir: string): Promise<TemporaryServer> {
  const folder = await mkdtemp(path.join(tmpdir(), "showfront-pg-system-"));
  const dataDir = path.join(folder, "data");
  const asRoot = userInfo().uid === 0;
  const pg = (tool: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(binDir, tool), ...args]) : run(path.join(binDir, tool), args);
  try {
    const passwordFile = path.join(folder, "password");
    await writeFile(passwordFile, `${SYSTEM_PASSWORD}\n`, { mode: 0o644 });
    if (asRoot) {
      const [uid, gid] = await Promise.all(["-u", "-g"].map(async (flag) => Number((await run("id", [flag, "postgres"])).stdout.trim())));
      await chmod(folder, 0o755);
      await mkdir(dataDir);
      await chown(dataDir, uid!, gid!);
    }
    await pg("initdb", ["-D", dataDir, "-U", SYSTEM_USER, `--pwfile=${passwordFile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C"]);
    await rm(passwordFile);
    const port = await freePort();
    const settings = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
    await pg("pg_ctl", ["-D", dataDir, "-l", path.join(dataDir, "server.log"), "-w", "-o", settings, "start"]);
    return {
      serverUrl: `postgres://${SYSTEM_USER}:${SYSTEM_PASSWORD}@127.0.0.1:${port}/postgres`,
      async stop() {
        await pg("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]).catch(() => undefined);
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    const detail = error instanceof Error ? error.message.split("\n").filter(Boolean).slice(-2).join(" | ") : String(error);
    throw new Error(`Could not start a PostgreSQL from ${binDir}: ${detail}`);
  }
}
