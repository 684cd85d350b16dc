-- CreateEnum
CREATE TYPE "MatchMethod" AS ENUM ('GUID', 'URL', 'SIMILARITY', 'MANUAL');

-- CreateEnum
CREATE TYPE "LinkStatus" AS ENUM ('AUTO', 'PENDING', 'ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "PlatformItem" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "publishedAt" TIMESTAMP(3) NOT NULL,
    "durationSeconds" INTEGER,
    "description" TEXT NOT NULL DEFAULT '',
    "firstSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlatformItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EpisodeLink" (
    "id" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "itemId" TEXT,
    "platform" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "method" "MatchMethod" NOT NULL,
    "confidence" DOUBLE PRECISION NOT NULL,
    "status" "LinkStatus" NOT NULL,
    "decidedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EpisodeLink_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlatformItem_sourceId_externalId_key" ON "PlatformItem"("sourceId", "externalId");

-- CreateIndex
CREATE INDEX "EpisodeLink_itemId_idx" ON "EpisodeLink"("itemId");

-- CreateIndex
CREATE INDEX "EpisodeLink_status_idx" ON "EpisodeLink"("status");

-- CreateIndex
CREATE UNIQUE INDEX "EpisodeLink_episodeId_itemId_key" ON "EpisodeLink"("episodeId", "itemId");

-- AddForeignKey
ALTER TABLE "PlatformItem" ADD CONSTRAINT "PlatformItem_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "FeedSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeLink" ADD CONSTRAINT "EpisodeLink_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EpisodeLink" ADD CONSTRAINT "EpisodeLink_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "PlatformItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;
