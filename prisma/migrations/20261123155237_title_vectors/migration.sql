-- Title vectors, generated like the search vectors: title (A) with summary or dek (B). Search ranks by them (they
-- are small, so ranking thousands of matches stays fast) while the full search vectors decide what matches, and
-- title suggestions match against them through their index.

-- AlterTable
ALTER TABLE "Episode" ADD COLUMN "titleVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english', coalesce("summary", '')), 'B')
) STORED;

-- AlterTable
ALTER TABLE "Story" ADD COLUMN "titleVector" tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('english', coalesce("title", '')), 'A') ||
  setweight(to_tsvector('english', coalesce("dek", '')), 'B')
) STORED;

-- CreateIndex
CREATE INDEX "Episode_titleVector_idx" ON "Episode" USING GIN ("titleVector");

-- CreateIndex
CREATE INDEX "Story_titleVector_idx" ON "Story" USING GIN ("titleVector");
