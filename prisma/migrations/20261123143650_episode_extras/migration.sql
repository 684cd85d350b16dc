-- AlterTable
ALTER TABLE "Episode" ADD COLUMN     "chapters" JSONB,
ADD COLUMN     "extrasError" TEXT,
ADD COLUMN     "extrasFetchedAt" TIMESTAMP(3),
ADD COLUMN     "extrasKey" TEXT,
ADD COLUMN     "transcriptCues" JSONB,
ADD COLUMN     "transcriptText" TEXT;
