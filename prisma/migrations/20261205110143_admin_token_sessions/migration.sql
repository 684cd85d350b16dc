-- CreateTable
CREATE TABLE "AdminTokenSession" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "tokenFingerprint" TEXT NOT NULL,
    "expires" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AdminTokenSession_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AdminTokenSession_tokenHash_key" ON "AdminTokenSession"("tokenHash");

-- CreateIndex
CREATE INDEX "AdminTokenSession_expires_idx" ON "AdminTokenSession"("expires");
