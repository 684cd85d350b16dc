// `npm run db:restore -- <file>`: the site's data as a backup had it. The backup is restored into a new database
// first; only when that succeeded does it take the current one's place (kept as showfront_before_restore_<time>).
// Stop the site first.
import { z } from "zod";
import { createDatabaseIfMissing, databaseUrlFor, dropDatabase, swapDatabases } from "@/lib/database/admin";
import { restoreBackup } from "@/lib/database/backup";
import { parseEnv } from "@/lib/env";
import { prepareDatabase } from "@/lib/site/launch";
import { runCli } from "./cli";

runCli(
  async (log) => {
    const file = z.string({ error: "Name the backup: npm run db:restore -- <file>" }).min(1).max(1000).parse(process.argv[2]);
    const database = await prepareDatabase(parseEnv(process.env), log);
    const url = new URL(database.url);
    const current = decodeURIComponent(url.pathname.slice(1));
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const incoming = `${current}_restore_${stamp}`;
    try {
      await createDatabaseIfMissing(database.url, incoming);
      log(`Restoring ${file} into a new database`);
      try {
        await restoreBackup(databaseUrlFor(database.url, incoming), file, ({ table, rows }) => log(`  ${table}: ${rows} rows`));
      } catch (error) {
        await dropDatabase(database.url, incoming);
        throw error;
      }
      await swapDatabases(database.url, current, incoming, `${current}_before_restore_${stamp}`);
      log(`Restored. The data it replaced is kept in the database ${current}_before_restore_${stamp}.`);
      return 0;
    } finally {
      await database.stop();
    }
  },
  { envFiles: true },
);
