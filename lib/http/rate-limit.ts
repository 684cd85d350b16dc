// Fixed-window rate limits counted in Postgres, so a limit holds across every app instance. One statement for all
// the checks a request makes: each key's row is created, counted up, or restarted when its window has passed.
import "server-only";
import { prisma, Prisma } from "@/lib/db";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window restarts. */
  retryAfterSeconds: number;
}

export interface RateLimitCheck {
  key: string;
  rule: RateLimitRule;
}

/** Counts one hit on each key, in one statement, and says for each (in order) whether it is within its limit. */
export async function takeRateLimits(checks: RateLimitCheck[], now = new Date()): Promise<RateLimitResult[]> {
  const upserts = checks.map(({ key, rule }, index) => {
    const windowStartsAfter = new Date(now.getTime() - rule.windowSeconds * 1000);
    return Prisma.sql`${Prisma.raw(`hit${index}`)} AS (
      INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartsAfter} THEN 1 ELSE "RateLimit"."count" + 1 END,
        "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartsAfter} THEN ${now} ELSE "RateLimit"."windowStart" END
      RETURNING ${index}::int AS "index", "count", "windowStart")`;
  });
  const rows = await prisma.$queryRaw<{ index: number; count: number; windowStart: Date }[]>`
    WITH ${Prisma.join(upserts, ", ")}
    ${Prisma.join(
      checks.map((_, index) => Prisma.sql`SELECT * FROM ${Prisma.raw(`hit${index}`)}`),
      " UNION ALL ",
    )}`;
  return checks.map(({ rule }, index) => {
    const row = rows.find((candidate) => candidate.index === index)!;
    const retryAfterSeconds = Math.max(1, Math.ceil((row.windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000));
    return { allowed: row.count <= rule.limit, retryAfterSeconds };
  });
}

/** Forgets windows long past, so the table stays as small as the traffic of the last day. */
export async function pruneRateLimits(olderThanSeconds = 86_400, now = new Date()): Promise<number> {
  return prisma.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } } }).then((result) => result.count);
}
