-- Episode search vectors stop being generated columns: the search indexer (lib/search-index.ts) writes them after
-- imports, so a 5,000-episode import is not slowed by computing and indexing them row by row. DROP EXPRESSION
-- keeps the values already computed, and they are marked current.

-- AlterTable
ALTER TABLE "Episode" ADD COLUMN "searchIndexedAt" TIMESTAMP(3),
ALTER COLUMN "searchVector" DROP EXPRESSION,
ALTER COLUMN "titleVector" DROP EXPRESSION;

UPDATE "Episode" SET "searchIndexedAt" = "updatedAt";
