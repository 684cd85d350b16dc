// Fixed-window rate limits counted in Postgres, so a limit holds across every app instance. One statement per
// check: the row for the key is created, counted up, or restarted when its window has passed.
import { prisma } from "@/lib/db";

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window restarts. */
  retryAfterSeconds: number;
}

export async function takeRateLimit(key: string, rule: RateLimitRule, now = new Date()): Promise<RateLimitResult> {
  const windowStartsAfter = new Date(now.getTime() - rule.windowSeconds * 1000);
  const [row] = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${now}, 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartsAfter} THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= ${windowStartsAfter} THEN ${now} ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  const retryAfterSeconds = Math.max(1, Math.ceil((row!.windowStart.getTime() + rule.windowSeconds * 1000 - now.getTime()) / 1000));
  return { allowed: row!.count <= rule.limit, retryAfterSeconds };
}

/** Forgets windows long past, so the table stays as small as the traffic of the last day. */
export async function pruneRateLimits(olderThanSeconds = 86_400, now = new Date()): Promise<number> {
  return prisma.rateLimit.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - olderThanSeconds * 1000) } } }).then((result) => result.count);
}
