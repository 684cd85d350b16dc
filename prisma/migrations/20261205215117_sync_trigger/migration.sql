-- CreateEnum
CREATE TYPE "SyncTrigger" AS ENUM ('SCHEDULED', 'MANUAL', 'ADDED');

-- AlterTable
ALTER TABLE "SyncRun" ADD COLUMN     "trigger" "SyncTrigger" NOT NULL DEFAULT 'SCHEDULED';
