// `npm run db:url`: the address of the site's database, for psql or a database GUI (`psql "$(npm run -s db:url)"`):
// DATABASE_URL as set, or the embedded server the running site started (on port 54329 when it was free).
import { databaseUrlFor } from "@/lib/database/admin";
import { runningEmbeddedPostgres } from "@/lib/database/embedded";
import { parseEnv } from "@/lib/env";
import { EMBEDDED_DATABASE_NAME, embeddedDataDir } from "@/lib/site/launch";
import { runCli } from "./cli";

runCli(
  async () => {
    const env = parseEnv(process.env);
    if (env.DATABASE_URL) return void process.stdout.write(`${env.DATABASE_URL}\n`);
    const running = await runningEmbeddedPostgres(embeddedDataDir(env));
    if (!running) throw new Error("The embedded database is not running: start the site (npm run dev), then ask again.");
    process.stdout.write(`${databaseUrlFor(running.serverUrl, EMBEDDED_DATABASE_NAME)}\n`);
  },
  { envFiles: true },
);
