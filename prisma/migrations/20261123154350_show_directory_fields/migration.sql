-- AlterTable
ALTER TABLE "Show" ADD COLUMN     "categories" JSONB NOT NULL DEFAULT '[]',
ADD COLUMN     "explicit" BOOLEAN NOT NULL DEFAULT false;
