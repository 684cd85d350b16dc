// After a change, the pages and data that showed it are marked stale on every instance of the site
// (next-cache-handler.mjs): in this process at once, in the others through Postgres NOTIFY. Callable from anywhere
// a change is made: a request, a background job, a CLI (which serves no pages and only announces).
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
