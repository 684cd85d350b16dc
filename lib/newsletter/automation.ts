// The e-mails the preferences page promises: each new episode after its wait, the weekly digest in its hour, through
// the same issues and sender as the admin's, so nobody gets an issue twice.
import "server-only";
import { readFileSync } from "node:fs";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { assertStaff, type Admin } from "@/lib/auth/staff";
import { AppError } from "@/lib/errors";
import { composeEpisodeAnnouncement, composeIssue } from "./issues";
import { latestDigestSlot, nextDigestSlot, type DigestSchedule } from "./schedule";

const SITE = "site";
/** An episode is news if it appeared within this long of its publication date; an old item a host re-adds is not. */
const NEWS_WINDOW_HOURS = 48;
const ANNOUNCEMENTS_PER_CHECK = 5;
/** A digest whose hour passed while the site was down is still sent this late, not later. */
const DIGEST_LATE_LIMIT_MS = 24 * 3_600_000;

/** The time the schedule goes by: the system's, or in tests the instant in SHOWFRONT_TEST_CLOCK_FILE. */
export function scheduleNow(): Date {
  const file = getEnv().SHOWFRONT_TEST_CLOCK_FILE;
  if (!file) return new Date();
  try {
    const instant = Date.parse(readFileSync(file, "utf8").trim());
    return Number.isNaN(instant) ? new Date() : new Date(instant);
  } catch {
    return new Date();
  }
}

// The migration writes the row; a database emptied by hand gets it back, whichever instance asks first.
export async function newsletterSchedule() {
  await prisma.$executeRaw`INSERT INTO "NewsletterSchedule" ("id", "updatedAt") VALUES (${SITE}, now()) ON CONFLICT DO NOTHING`;
  return prisma.newsletterSchedule.findUniqueOrThrow({ where: { id: SITE } });
}

export type NewsletterSchedule = Awaited<ReturnType<typeof newsletterSchedule>>;

function digestOf(schedule: NewsletterSchedule): DigestSchedule {
  return { weekday: schedule.digestWeekday, hour: schedule.digestHour, timeZone: schedule.digestTimeZone };
}

export function formatSlot(slot: Date, timeZone: string): string {
  return `${new Intl.DateTimeFormat("en-GB", { dateStyle: "full", timeStyle: "short", timeZone }).format(slot)} (${timeZone})`;
}

/** One look at the schedule; `send` queues an issue for sending. */
export async function runNewsletterSchedule(now: Date, send: (issueId: string) => Promise<void>): Promise<void> {
  const schedule = await newsletterSchedule();
  if (schedule.episodeMails) await announceNewEpisodes(schedule, now, send);
  if (schedule.digestEnabled) await sendDueDigest(schedule, now, send);
  await prisma.newsletterSchedule.update({ where: { id: SITE }, data: { checkedAt: now } });
}

// New means: first seen by a sync after its source's first one (a feed's back catalogue is not news), published
// within two days of appearing, still in the feed, and past the wait.
async function announceNewEpisodes(schedule: NewsletterSchedule, now: Date, send: (issueId: string) => Promise<void>): Promise<void> {
  const waitedUntil = new Date(now.getTime() - schedule.episodeDelayMinutes * 60_000);
  const due = await prisma.$queryRaw<{ id: string }[]>`
    SELECT e."id" FROM "Episode" e
    WHERE e."createdAt" > ${schedule.episodeMailsSince} AND e."createdAt" <= ${waitedUntil}
      AND e."publishedAt" >= e."createdAt" - make_interval(hours => ${NEWS_WINDOW_HOURS}) AND e."publishedAt" <= ${now}
      AND e."goneAt" IS NULL
      AND EXISTS (SELECT 1 FROM "SyncRun" r WHERE r."sourceId" = e."sourceId" AND r."finishedAt" < e."createdAt")
      AND NOT EXISTS (SELECT 1 FROM "NewsletterIssue" i WHERE i."episodeId" = e."id")
    ORDER BY e."publishedAt"
    LIMIT ${ANNOUNCEMENTS_PER_CHECK}`;
  for (const { id } of due) {
    const issue = await composeEpisodeAnnouncement(id, now);
    if (issue) await send(issue.id);
  }
}

async function sendDueDigest(schedule: NewsletterSchedule, now: Date, send: (issueId: string) => Promise<void>): Promise<void> {
  const slot = latestDigestSlot(now, digestOf(schedule));
  if (slot <= schedule.digestPlannedSince || (schedule.digestLastSlot && slot <= schedule.digestLastSlot)) return;
  // The slot is claimed before anything is composed: of two instances looking at once, one handles it.
  const claimed = await prisma.newsletterSchedule.updateMany({
    where: { id: SITE, OR: [{ digestLastSlot: null }, { digestLastSlot: { lt: slot } }] },
    data: { digestLastSlot: slot },
  });
  if (claimed.count === 0) return;
  const when = formatSlot(slot, schedule.digestTimeZone);
  let outcome: string;
  if (now.getTime() - slot.getTime() > DIGEST_LATE_LIMIT_MS) {
    outcome = `Not sent: the digest of ${when} was due while the site was not running.`;
  } else {
    try {
      const issue = await composeIssue("DIGEST", "", now, slot);
      await send(issue.id);
      outcome = `Sent the digest of ${when}.`;
    } catch (error) {
      if (!(error instanceof AppError && error.code === "conflict")) throw error;
      outcome = `Skipped the digest of ${when}: ${error.message}`;
    }
  }
  await prisma.newsletterSchedule.update({ where: { id: SITE }, data: { digestLastOutcome: outcome } });
}

export interface ScheduleChange {
  episodeMails: boolean;
  episodeDelayMinutes: number;
  digestEnabled: boolean;
  digestWeekday: number;
  digestHour: number;
  digestTimeZone: string;
}

/** The admin's settings; switching a kind on (or moving the digest) counts from now, so nothing old is sent late. */
export async function changeNewsletterSchedule(admin: Admin, change: ScheduleChange, now = scheduleNow()): Promise<void> {
  assertStaff(admin, "ADMIN");
  const current = await newsletterSchedule();
  const digestMoved =
    change.digestEnabled &&
    (!current.digestEnabled ||
      change.digestWeekday !== current.digestWeekday ||
      change.digestHour !== current.digestHour ||
      change.digestTimeZone !== current.digestTimeZone);
  await prisma.newsletterSchedule.update({
    where: { id: SITE },
    data: { ...change, ...(change.episodeMails && !current.episodeMails && { episodeMailsSince: now }), ...(digestMoved && { digestPlannedSince: now }) },
  });
}

/** What the admin sees: the settings, when the next digest goes, and what the last one did. */
export async function scheduleOverview(admin: Admin, now = scheduleNow()) {
  assertStaff(admin, "ADMIN");
  const schedule = await newsletterSchedule();
  const nextDigest = schedule.digestEnabled ? formatSlot(nextDigestSlot(now, digestOf(schedule)), schedule.digestTimeZone) : null;
  return { schedule, nextDigest };
}
