// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database when it is unset.
import { parseEnv } from "@/lib/env";
import { migrateAndSeed, prepareDatabase } from "@/lib/site/launch";
import { runCli } from "./cli";

runCli(async (log) => {
  const database = await prepareDatabase(parseEnv(process.env), log);
  try {
    await migrateAndSeed(database.url, log, { seed: false });
  } finally {
    await database.stop();
  }
});
