// What the feed CLIs share: the database (embedded or DATABASE_URL, migrated) and a one-line account of a sync.
import type { SyncResult } from "@/lib/feeds/sync";
import { prisma, useDatabaseUrl } from "@/lib/db";
import { parseEnv } from "@/lib/env";
import { migrateAndSeed, prepareDatabase, type Log } from "@/lib/site/launch";

export async function withDatabase(log: Log, work: () => Promise<number>): Promise<number> {
  const database = await prepareDatabase(parseEnv(process.env), log);
  try {
    await migrateAndSeed(database.url, log, { seed: false });
    useDatabaseUrl(database.url);
    try {
      return await work();
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await database.stop();
  }
}

export function describeSync(result: SyncResult): string {
  switch (result.status) {
    case "busy":
      return "skipped: another sync of this source is running";
    case "UNCHANGED":
      return `unchanged (HTTP ${result.httpStatus})`;
    case "FAILED":
      return `failed: ${result.error}`;
    default:
      return [
        `${result.created ?? 0} new`,
        `${result.updated ?? 0} updated`,
        `${result.unchanged ?? 0} unchanged`,
        result.gone ? `${result.gone} gone` : "",
        result.skipped?.length ? `${result.skipped.length} skipped` : "",
        result.movedTo ? `feed moved to ${result.movedTo}` : "",
      ]
        .filter(Boolean)
        .join(", ");
  }
}
