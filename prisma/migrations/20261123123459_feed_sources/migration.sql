-- CreateEnum
CREATE TYPE "FeedKind" AS ENUM ('PODCAST', 'YOUTUBE', 'VIDEO');

-- CreateEnum
CREATE TYPE "SyncStatus" AS ENUM ('RUNNING', 'IMPORTED', 'UNCHANGED', 'FAILED');

-- AlterTable
ALTER TABLE "Episode" ADD COLUMN     "chaptersType" TEXT,
ADD COLUMN     "chaptersUrl" TEXT,
ADD COLUMN     "goneAt" TIMESTAMP(3),
ADD COLUMN     "importHash" TEXT,
ADD COLUMN     "link" TEXT,
ADD COLUMN     "persons" JSONB,
ADD COLUMN     "soundbites" JSONB,
ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "transcripts" JSONB;

-- AlterTable
ALTER TABLE "Show" ADD COLUMN     "locked" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "podcastGuid" TEXT;

-- CreateTable
CREATE TABLE "FeedSource" (
    "id" TEXT NOT NULL,
    "showId" TEXT NOT NULL,
    "kind" "FeedKind" NOT NULL,
    "url" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "etag" TEXT,
    "lastModified" TEXT,
    "contentHash" TEXT,
    "lastFetchedAt" TIMESTAMP(3),
    "lastStatus" "SyncStatus",
    "lastError" TEXT,
    "syncStartedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FeedSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SyncRun" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "status" "SyncStatus" NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "durationMs" INTEGER,
    "httpStatus" INTEGER,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "unchanged" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "gone" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,

    CONSTRAINT "SyncRun_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FeedSource_url_key" ON "FeedSource"("url");

-- CreateIndex
CREATE INDEX "FeedSource_showId_idx" ON "FeedSource"("showId");

-- CreateIndex
CREATE INDEX "SyncRun_sourceId_startedAt_idx" ON "SyncRun"("sourceId", "startedAt" DESC);

-- CreateIndex
CREATE INDEX "Episode_showId_audioUrl_idx" ON "Episode"("showId", "audioUrl");

-- AddForeignKey
ALTER TABLE "FeedSource" ADD CONSTRAINT "FeedSource_showId_fkey" FOREIGN KEY ("showId") REFERENCES "Show"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SyncRun" ADD CONSTRAINT "SyncRun_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "FeedSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Episode" ADD CONSTRAINT "Episode_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "FeedSource"("id") ON DELETE SET NULL ON UPDATE CASCADE;
