-- Full-text search vectors, kept by Postgres as generated columns: every write path (the importer's batch SQL,
-- Prisma, the extras fetcher) keeps them current without knowing about them. Weights: A title, B summary or dek,
-- C transcript or body. Prisma models them as Unsupported("tsvector") and never writes them.

-- AlterTable
ALTER TABLE "Episode" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english', coalesce("summary", '')), 'B') ||
  setweight(to_tsvector('english', left(coalesce("transcriptText", ''), 500000)), 'C')
) STORED;

-- AlterTable
ALTER TABLE "Story" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english', coalesce("dek", '')), 'B') ||
  setweight(to_tsvector('english', left(coalesce("body", ''), 500000)), 'C')
) STORED;

-- CreateIndex
CREATE INDEX "Episode_searchVector_idx" ON "Episode" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Story_searchVector_idx" ON "Story" USING GIN ("searchVector");
