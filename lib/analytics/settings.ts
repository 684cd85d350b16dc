import "server-only";
import { prisma } from "@/lib/db";
import { invalidate } from "@/lib/cache/invalidate";
import { ANALYTICS } from "@/lib/cache/tags";

const SITE = "site";
const DEFAULTS = { countDownloads: false, showMostListened: false, rolledUpAt: null as Date | null };

/** The admin's switches; the row is made by its migration, and defaults stand in for a database emptied by hand. */
export async function analyticsSettings() {
  const row = await prisma.analyticsSettings.findUnique({ where: { id: SITE }, select: { countDownloads: true, showMostListened: true, rolledUpAt: true } });
  return row ?? DEFAULTS;
}

export async function changeAnalyticsSettings(change: { countDownloads: boolean; showMostListened: boolean }): Promise<void> {
  await prisma.analyticsSettings.upsert({ where: { id: SITE }, create: { id: SITE, ...change }, update: change });
  // The podcast feeds' enclosures and the home page's list follow the switches.
  await invalidate([ANALYTICS]);
}
