// Raw events become hourly and daily counts and per-second listeners. Every open day is recomputed, not incremented,
// so a late batch or a second pass never counts twice (docs/decisions/0018).
import "server-only";
import { prisma } from "@/lib/db";
import { forgetOldSalts, utcDay } from "./visitors";

export const RAW_DAYS = 30;
// A day stays open this long after midnight, for events a browser or an instance sends late.
const LATE_MS = 5 * 60_000;

function dayStart(at: Date): Date {
  return new Date(`${utcDay(at)}T00:00:00Z`);
}

/** One pass: recompute the open days, close what is past, drop raw events past keeping. Returns the days recomputed. */
export async function rollUp(now = new Date()): Promise<number> {
  return prisma.$transaction(
    async (tx) => {
      // Instances of one site take turns.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('showfront-analytics-rollup'))`;
      const settings = await tx.analyticsSettings.findUnique({ where: { id: "site" }, select: { openSince: true } });
      const oldest = settings?.openSince ?? (await tx.analyticsEvent.aggregate({ _min: { at: true } }))._min.at ?? now;
      const from = dayStart(oldest);
      await tx.$executeRaw`DELETE FROM "AnalyticsRollup" WHERE "start" >= ${from}`;
      for (const grain of ["hour", "day"]) {
        // Listening is counted in seconds heard, every other kind in events; '*' stands for "all" in a total.
        await tx.$executeRaw`
          INSERT INTO "AnalyticsRollup" ("grain", "start", "kind", "subject", "detail", "events", "visitors")
          SELECT ${grain}::text, p, "kind", COALESCE("subject", '*'), COALESCE("detail", '*'), SUM(weight)::int, COUNT(DISTINCT "visitor")::int
          FROM (
            SELECT date_trunc(${grain}::text, "at") AS p, "kind", "subject", "detail", "visitor",
                   CASE WHEN "kind" = 'listen' THEN "toSecond" - "fromSecond" ELSE 1 END AS weight
            FROM "AnalyticsEvent" WHERE "at" >= ${from}
          ) AS e
          GROUP BY GROUPING SETS ((p, "kind", "subject", "detail"), (p, "kind", "subject"), (p, "kind", "detail"), (p, "kind"))`;
      }
      await tx.$executeRaw`DELETE FROM "AnalyticsListening" WHERE "day" >= ${from}::date`;
      await tx.$executeRaw`
        WITH heard AS (
          SELECT substr("subject", 9) AS "episodeId", "at"::date AS "day", "visitor", s
          FROM "AnalyticsEvent", generate_series("fromSecond", "toSecond" - 1) AS s
          WHERE "kind" = 'listen' AND "at" >= ${from} AND "subject" LIKE 'episode:%'
        ), counted AS (
          SELECT "episodeId", "day", s, COUNT(DISTINCT "visitor")::int AS n FROM heard GROUP BY 1, 2, 3
        ), spans AS (
          SELECT "episodeId", "day", MAX(s) AS last FROM counted GROUP BY 1, 2
        )
        INSERT INTO "AnalyticsListening" ("episodeId", "day", "listeners")
        SELECT spans."episodeId", spans."day", array_agg(COALESCE(counted.n, 0) ORDER BY g.s)
        FROM spans CROSS JOIN LATERAL generate_series(0, spans.last) AS g(s)
        LEFT JOIN counted ON counted."episodeId" = spans."episodeId" AND counted."day" = spans."day" AND counted.s = g.s
        GROUP BY spans."episodeId", spans."day"`;
      const openSince = dayStart(new Date(now.getTime() - LATE_MS));
      await tx.analyticsSettings.upsert({
        where: { id: "site" },
        create: { id: "site", openSince, rolledUpAt: now },
        update: { openSince, rolledUpAt: now },
      });
      await tx.$executeRaw`DELETE FROM "AnalyticsEvent" WHERE "at" < ${new Date(dayStart(now).getTime() - RAW_DAYS * 86_400_000)}`;
      return Math.round((dayStart(now).getTime() - from.getTime()) / 86_400_000) + 1;
    },
    { timeout: 10 * 60_000 },
  );
}

/** A pass and the salts no window needs any more. */
export async function rollUpAndForget(now = new Date()): Promise<number> {
  const days = await rollUp(now);
  await forgetOldSalts(now);
  return days;
}
