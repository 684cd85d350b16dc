// `npm run db:backup [-- --out <file>]`: the site's data in one file (lib/database/backup.ts), by default under the
// data folder's backups/. Stop the site first when it runs on the embedded database (it holds the data folder).
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { writeBackup } from "@/lib/database/backup";
import { parseEnv } from "@/lib/env";
import { prepareDatabase } from "@/lib/site/launch";
import { runCli } from "./cli";

runCli(
  async (log) => {
    const { values } = parseArgs({ options: { out: { type: "string" } } });
    const env = parseEnv(process.env);
    const out =
      z.string().min(1).max(1000).optional().parse(values.out) ??
      path.join(env.SHOWFRONT_DATA_DIR, "backups", `showfront-${new Date().toISOString().replace(/[:.]/g, "-")}.backup`);
    await mkdir(path.dirname(path.resolve(out)), { recursive: true });
    const database = await prepareDatabase(env, log, { joinRunning: true });
    try {
      log(`Writing ${out}`);
      const tables = await writeBackup(database.url, out, ({ table, rows }) => log(`  ${table}: ${rows} rows`));
      log(`Done: ${tables.length} tables, ${tables.reduce((sum, table) => sum + table.rows, 0)} rows. Restore with: npm run db:restore -- ${out}`);
      return 0;
    } finally {
      await database.stop();
    }
  },
  { envFiles: true },
);
