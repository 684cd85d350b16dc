-- AlterTable
ALTER TABLE "Episode" ADD COLUMN     "feedItemHash" TEXT;

-- CreateIndex
CREATE INDEX "Episode_sourceId_feedItemHash_idx" ON "Episode"("sourceId", "feedItemHash");
