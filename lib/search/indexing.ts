// Writes episodes' full-text vectors after imports and changes, a batch at a time (stories keep generated columns).
// Show notes are HTML: Postgres's parser reads tags as tokens the english configuration drops.
import "server-only";
import { prisma } from "@/lib/db";

const BATCH = 1000;

export interface IndexProgress {
  indexed: number;
  remaining: number;
}

/** Indexes up to `limit` episodes that need it; SKIP LOCKED lets several instances share the work. */
export async function indexEpisodesForSearch(limit = BATCH): Promise<IndexProgress> {
  const indexed = await prisma.$executeRaw`
    WITH stale AS (
      SELECT "id" FROM "Episode" WHERE "searchIndexedAt" IS DISTINCT FROM "updatedAt"
      LIMIT ${limit} FOR UPDATE SKIP LOCKED),
    titles AS (
      SELECT e."id", setweight(to_tsvector('english', coalesce(e."title", '')), 'A') || setweight(to_tsvector('english', coalesce(e."summary", '')), 'B') AS vector
      FROM "Episode" e JOIN stale ON stale."id" = e."id")
    UPDATE "Episode" e SET
      "titleVector" = titles.vector,
      "searchVector" = titles.vector
        || setweight(to_tsvector('english', left(coalesce(e."notesHtml", ''), 200000)), 'C')
        || setweight(to_tsvector('english', left(coalesce(e."transcriptText", ''), 500000)), 'D'),
      "searchIndexedAt" = e."updatedAt"
    FROM titles WHERE e."id" = titles."id"`;
  const [left] = await prisma.$queryRaw<{ remaining: number }[]>`
    SELECT count(*)::int AS remaining FROM "Episode" WHERE "searchIndexedAt" IS DISTINCT FROM "updatedAt"`;
  return { indexed, remaining: left?.remaining ?? 0 };
}

/** Indexes everything that needs it, reporting after each batch (the CLI's progress bar, the demo seed). */
export async function indexAllEpisodesForSearch(onBatch: (progress: IndexProgress) => void = () => {}): Promise<number> {
  let total = 0;
  for (;;) {
    const progress = await indexEpisodesForSearch();
    total += progress.indexed;
    onBatch(progress);
    if (progress.indexed === 0 || progress.remaining === 0) break;
  }
  if (total > 0) await refreshSearchTerms();
  return total;
}

/** Counts the items holding each search word (one ts_stat pass), for related lists; after imports, not inside them. */
export async function refreshSearchTerms(): Promise<void> {
  await prisma.$transaction([
    // Two refreshes at once would insert the same words: the second waits for the first.
    prisma.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('showfront.search-terms'))`,
    prisma.$executeRaw`DELETE FROM "SearchTerm"`,
    prisma.$executeRaw`
      INSERT INTO "SearchTerm" ("word", "documents")
      SELECT word, ndoc FROM ts_stat('SELECT "searchVector" FROM "Episode" WHERE "searchVector" IS NOT NULL UNION ALL SELECT "searchVector" FROM "Story" WHERE "searchVector" IS NOT NULL')`,
  ]);
}
