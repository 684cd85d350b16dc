-- AlterTable
ALTER TABLE "User" ADD COLUMN     "nameChosenAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "DisplayNameChange" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DisplayNameChange_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DisplayNameChange_userId_changedAt_idx" ON "DisplayNameChange"("userId", "changedAt");

-- AddForeignKey
ALTER TABLE "DisplayNameChange" ADD CONSTRAINT "DisplayNameChange_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Accounts without a name get a neutral one until they choose: never a part of their e-mail address.
UPDATE "User" SET "name" = 'Listener ' || upper(substr(md5("id"), 1, 6)) WHERE "name" IS NULL OR btrim("name") = '';
