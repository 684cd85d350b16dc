// The database a CLI works on: DATABASE_URL's, or the embedded one started for the run; migrated first, and used
// through the one Prisma client.
import { prisma, setDatabaseUrl } from "@/lib/db";
import { parseEnv } from "@/lib/env";
import { migrateAndSeed, prepareDatabase, type Log } from "@/lib/site/launch";

export async function withDatabase(log: Log, work: () => Promise<number>): Promise<number> {
  const database = await prepareDatabase(parseEnv(process.env), log, { joinRunning: true });
  try {
    await migrateAndSeed(database.url, log, { seed: false });
    setDatabaseUrl(database.url);
    try {
      return await work();
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
}
