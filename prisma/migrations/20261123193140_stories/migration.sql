-- CreateEnum
CREATE TYPE "StoryKind" AS ENUM ('ARTICLE', 'PAGE');

-- CreateEnum
CREATE TYPE "ContentKind" AS ENUM ('EPISODE', 'STORY');

-- CreateEnum
CREATE TYPE "StoryBodyFormat" AS ENUM ('MARKDOWN', 'HTML');

-- CreateEnum
CREATE TYPE "WxrImportStatus" AS ENUM ('ANALYZED', 'QUEUED', 'IMPORTING', 'DONE', 'FAILED');

-- AlterEnum
ALTER TYPE "FeedKind" ADD VALUE 'STORIES';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "guestName" TEXT,
ADD COLUMN     "wpCommentId" INTEGER;

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "audioDurationSeconds" INTEGER,
ADD COLUMN     "audioType" TEXT,
ADD COLUMN     "audioUrl" TEXT,
ADD COLUMN     "bodyFormat" "StoryBodyFormat" NOT NULL DEFAULT 'MARKDOWN',
ADD COLUMN     "heroAlt" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "heroImageSrcset" TEXT,
ADD COLUMN     "kind" "StoryKind" NOT NULL DEFAULT 'ARTICLE',
ADD COLUMN     "sourceGuid" TEXT,
ADD COLUMN     "sourceId" TEXT,
ADD COLUMN     "wpPostId" INTEGER;

-- CreateTable
CREATE TABLE "StorySlugRedirect" (
    "slug" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,

    CONSTRAINT "StorySlugRedirect_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Tag" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Tag_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoryTag" (
    "storyId" TEXT NOT NULL,
    "tagId" TEXT NOT NULL,

    CONSTRAINT "StoryTag_pkey" PRIMARY KEY ("storyId","tagId")
);

-- CreateTable
CREATE TABLE "StoryEpisode" (
    "storyId" TEXT NOT NULL,
    "episodeId" TEXT NOT NULL,
    "startSeconds" INTEGER,
    "position" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StoryEpisode_pkey" PRIMARY KEY ("storyId","episodeId")
);

-- CreateTable
CREATE TABLE "RelatedOverride" (
    "id" TEXT NOT NULL,
    "sourceKind" "ContentKind" NOT NULL,
    "sourceId" TEXT NOT NULL,
    "targetKind" "ContentKind" NOT NULL,
    "targetId" TEXT NOT NULL,
    "pinned" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelatedOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WxrImport" (
    "id" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "filePath" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "status" "WxrImportStatus" NOT NULL DEFAULT 'ANALYZED',
    "report" JSONB NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "WxrImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SearchTerm" (
    "word" TEXT NOT NULL,
    "documents" INTEGER NOT NULL,

    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "StorySlugRedirect_storyId_idx" ON "StorySlugRedirect"("storyId");

-- CreateIndex
CREATE UNIQUE INDEX "Tag_slug_key" ON "Tag"("slug");

-- CreateIndex
CREATE INDEX "StoryTag_tagId_idx" ON "StoryTag"("tagId");

-- CreateIndex
CREATE INDEX "StoryEpisode_episodeId_idx" ON "StoryEpisode"("episodeId");

-- CreateIndex
CREATE UNIQUE INDEX "RelatedOverride_sourceKind_sourceId_targetKind_targetId_key" ON "RelatedOverride"("sourceKind", "sourceId", "targetKind", "targetId");

-- CreateIndex
CREATE UNIQUE INDEX "Comment_storyId_wpCommentId_key" ON "Comment"("storyId", "wpCommentId");

-- CreateIndex
CREATE UNIQUE INDEX "Story_wpPostId_key" ON "Story"("wpPostId");

-- CreateIndex
CREATE UNIQUE INDEX "Story_sourceId_sourceGuid_key" ON "Story"("sourceId", "sourceGuid");

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "FeedSource"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StorySlugRedirect" ADD CONSTRAINT "StorySlugRedirect_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryTag" ADD CONSTRAINT "StoryTag_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryTag" ADD CONSTRAINT "StoryTag_tagId_fkey" FOREIGN KEY ("tagId") REFERENCES "Tag"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryEpisode" ADD CONSTRAINT "StoryEpisode_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StoryEpisode" ADD CONSTRAINT "StoryEpisode_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Episodes' search vectors now hold their show notes too: every episode is indexed again by the search indexer.
UPDATE "Episode" SET "searchIndexedAt" = NULL;
