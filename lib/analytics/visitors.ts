// Who may be counted, and how visitors are told apart without being known: a hash of address and browser under a
// salt of the day (UTC), random and kept apart from the events, deleted once no 24-hour window reaches back to it.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createIsbotFromList, isbot, isbotPatterns, list } from "isbot";
import { prisma } from "@/lib/db";
import { clientAddress } from "@/lib/http/client-address";

/** Not counted: bots and crawlers (isbot's maintained list), no browser named at all, and Global Privacy Control or Do Not Track. */
export function mayCount(headers: Headers): boolean {
  const agent = headers.get("user-agent") ?? "";
  if (!agent.trim() || isbot(agent)) return false;
  return headers.get("sec-gpc") !== "1" && headers.get("dnt") !== "1";
}

// isbot is made for browsers: its rules for any address or a bare "name/version" also match podcast apps, which are
// who downloads episodes. Those rules are left out for downloads (isbot's documented way); named bots still match.
const PODCAST_APPS = [
  "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)",
  "PocketCasts/1.0 (Pocket Casts - Android; +https://pocketcasts.com/)",
  "Podbean/Android App 9.0 (http://podbean.com)",
  "AntennaPod/3.4.0",
  "Podcast Addict - Android 13",
  "Player FM",
];
const appRules = new Set(PODCAST_APPS.flatMap(isbotPatterns));
const isbotForDownloads = createIsbotFromList(list.filter((rule) => !appRules.has(rule)));

/** A podcast app's download: named bots and crawlers are left out, and so is a request without a user agent. */
export function mayCountDownload(headers: Headers): boolean {
  const agent = headers.get("user-agent") ?? "";
  return agent.trim() !== "" && !isbotForDownloads(agent);
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

const salts = new Map<string, Promise<Buffer>>();

/** The day's salt, made by whichever instance asks first. */
export function saltOf(day: string): Promise<Buffer> {
  let salt = salts.get(day);
  if (!salt) {
    salt = (async () => {
      await prisma.$executeRaw`INSERT INTO "AnalyticsSalt" ("day", "salt") VALUES (${day}::date, ${randomBytes(32)}) ON CONFLICT DO NOTHING`;
      const row = await prisma.analyticsSalt.findUniqueOrThrow({ where: { day: new Date(`${day}T00:00:00Z`) } });
      return Buffer.from(row.salt);
    })();
    salt.catch(() => salts.delete(day));
    if (salts.size > 4) salts.delete(salts.keys().next().value!);
    salts.set(day, salt);
  }
  return salt;
}

export function visitorHash(salt: Buffer, address: string, userAgent: string): string {
  return createHash("sha256").update(salt).update(address).update("\0").update(userAgent).digest("hex").slice(0, 20);
}

/** The request's visitor under the salt of `at`'s day. */
export async function visitorOf(headers: Headers, at: Date): Promise<string> {
  return visitorHash(await saltOf(utcDay(at)), clientAddress(headers), headers.get("user-agent") ?? "");
}

/** Salts older than yesterday: a download's 24-hour window never reaches further back. */
export async function forgetOldSalts(now: Date): Promise<void> {
  const yesterday = utcDay(new Date(now.getTime() - 86_400_000));
  await prisma.$executeRaw`DELETE FROM "AnalyticsSalt" WHERE "day" < ${yesterday}::date`;
  for (const day of salts.keys()) if (day < yesterday) salts.delete(day);
}
