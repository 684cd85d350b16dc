// The admin's first page: what needs a person now (held comments, links to review, syncs that failed or looked
// wrong, sources switched off), and how the audience moves (subscribers week by week).
import "server-only";
import { assertStaff, type Admin } from "@/lib/auth/staff";
import { prisma } from "@/lib/db";
import { subscriberStats } from "@/lib/newsletter/admin";
import { scheduleOverview } from "@/lib/newsletter/automation";

const RECENT_RUN_DAYS = 7;

export async function dashboard(admin: Admin) {
  assertStaff(admin, "ADMIN");
  const since = new Date(Date.now() - RECENT_RUN_DAYS * 86_400_000);
  const [heldComments, reportedComments, linksToReview, failedRuns, suspiciousRuns, pausedSources, subscribers, lastIssue, { nextDigest }] = await Promise.all([
    prisma.comment.count({ where: { status: "PENDING" } }),
    prisma.comment.count({ where: { status: "APPROVED", reports: { some: { resolvedAt: null } } } }),
    prisma.episodeLink.count({ where: { status: "PENDING" } }),
    prisma.syncRun.count({ where: { status: "FAILED", startedAt: { gte: since } } }),
    prisma.syncRun.count({ where: { warning: { not: null }, startedAt: { gte: since } } }),
    prisma.feedSource.count({ where: { enabled: false } }),
    subscriberStats(admin),
    prisma.newsletterIssue.findFirst({
      where: { status: "SENT" },
      orderBy: { sentAt: "desc" },
      select: { subject: true, sentAt: true, _count: { select: { deliveries: { where: { status: "SENT" } } } } },
    }),
    scheduleOverview(admin),
  ]);
  return {
    heldComments,
    reportedComments,
    linksToReview,
    failedRuns,
    suspiciousRuns,
    pausedSources,
    subscribers,
    lastIssue,
    nextDigest,
    recentRunDays: RECENT_RUN_DAYS,
  };
}
