// After a change, the pages and data that showed it go stale on every instance: here at once, elsewhere through
// Postgres NOTIFY. Callable from a request, a job or a CLI (which only announces).
import "server-only";
import { prisma } from "@/lib/db";
import { logger } from "@/lib/log";
import { INVALIDATION_CHANNEL, invalidationMessage, LOCAL_INVALIDATION, payloadBatches } from "./invalidation-channel.mjs";

interface LocalCache {
  origin: string;
  invalidate(tags: string[]): void;
}

export async function invalidate(tags: string[]): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  const local = (globalThis as { [LOCAL_INVALIDATION]?: LocalCache })[LOCAL_INVALIDATION];
  local?.invalidate(unique);
  for (const batch of payloadBatches(unique)) {
    // The change itself is saved: a lost announcement costs other instances staleness until their pages expire.
    await prisma.$executeRaw`SELECT pg_notify(${INVALIDATION_CHANNEL}, ${invalidationMessage(local?.origin ?? "elsewhere", batch)})`.catch((error: Error) =>
      logger.warn({ error: error.message }, "could not announce a cache invalidation"),
    );
  }
}
