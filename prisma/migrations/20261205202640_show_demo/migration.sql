-- AlterTable
ALTER TABLE "Show" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;
