-- CreateTable
CREATE TABLE "AnalyticsEvent" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "visitor" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" TEXT NOT NULL DEFAULT '',
    "fromSecond" INTEGER,
    "toSecond" INTEGER,

    CONSTRAINT "AnalyticsEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnalyticsRollup" (
    "grain" TEXT NOT NULL,
    "start" TIMESTAMP(3) NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "events" INTEGER NOT NULL,
    "visitors" INTEGER NOT NULL,

    CONSTRAINT "AnalyticsRollup_pkey" PRIMARY KEY ("grain","start","kind","subject","detail")
);

-- CreateTable
CREATE TABLE "AnalyticsListening" (
    "episodeId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "listeners" INTEGER[],

    CONSTRAINT "AnalyticsListening_pkey" PRIMARY KEY ("episodeId","day")
);

-- CreateTable
CREATE TABLE "AnalyticsSalt" (
    "day" DATE NOT NULL,
    "salt" BYTEA NOT NULL,

    CONSTRAINT "AnalyticsSalt_pkey" PRIMARY KEY ("day")
);

-- CreateTable
CREATE TABLE "AnalyticsSettings" (
    "id" TEXT NOT NULL DEFAULT 'site',
    "countDownloads" BOOLEAN NOT NULL DEFAULT false,
    "showMostListened" BOOLEAN NOT NULL DEFAULT false,
    "openSince" TIMESTAMP(3),
    "rolledUpAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AnalyticsSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnalyticsEvent_at_idx" ON "AnalyticsEvent"("at");

-- CreateIndex
CREATE INDEX "AnalyticsEvent_kind_subject_at_idx" ON "AnalyticsEvent"("kind", "subject", "at");

-- CreateIndex
CREATE INDEX "AnalyticsRollup_grain_kind_start_idx" ON "AnalyticsRollup"("grain", "kind", "start");

-- The settings row, so reading it never needs a write.
INSERT INTO "AnalyticsSettings" ("id", "updatedAt") VALUES ('site', CURRENT_TIMESTAMP);
