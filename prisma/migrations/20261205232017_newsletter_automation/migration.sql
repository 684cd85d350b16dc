-- CreateEnum
CREATE TYPE "IssueOrigin" AS ENUM ('ADMIN', 'NEW_EPISODE', 'WEEKLY_DIGEST');

-- AlterTable
ALTER TABLE "NewsletterIssue" ADD COLUMN     "digestSlot" TIMESTAMP(3),
ADD COLUMN     "episodeId" TEXT,
ADD COLUMN     "origin" "IssueOrigin" NOT NULL DEFAULT 'ADMIN';

-- CreateTable
CREATE TABLE "NewsletterSchedule" (
    "id" TEXT NOT NULL DEFAULT 'site',
    "episodeMails" BOOLEAN NOT NULL DEFAULT true,
    "episodeDelayMinutes" INTEGER NOT NULL DEFAULT 10,
    "episodeMailsSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "digestEnabled" BOOLEAN NOT NULL DEFAULT true,
    "digestWeekday" INTEGER NOT NULL DEFAULT 1,
    "digestHour" INTEGER NOT NULL DEFAULT 9,
    "digestTimeZone" TEXT NOT NULL DEFAULT 'UTC',
    "digestPlannedSince" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "digestLastSlot" TIMESTAMP(3),
    "digestLastOutcome" TEXT,
    "checkedAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "NewsletterSchedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterIssue_episodeId_key" ON "NewsletterIssue"("episodeId");

-- CreateIndex
CREATE UNIQUE INDEX "NewsletterIssue_digestSlot_key" ON "NewsletterIssue"("digestSlot");

-- AddForeignKey
ALTER TABLE "NewsletterIssue" ADD CONSTRAINT "NewsletterIssue_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "Episode"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The automatic e-mails start switched on, counting from now: a site that upgrades announces nothing it already had.
INSERT INTO "NewsletterSchedule" ("id", "updatedAt") VALUES ('site', CURRENT_TIMESTAMP);
