// Newsletter issues: composed, previewed, sent by a job. A delivery is claimed before its message goes and marked SENT
// when accepted; one a dead sender left claimed is marked UNCERTAIN, never sent again: nobody gets an issue twice.
import "server-only";
import { AppError } from "@/lib/errors";
import { randomUUID } from "node:crypto";
import { prisma, Prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { formatDate, formatDuration } from "@/lib/text/format";
import { PermanentMailError, UncertainMailError, type Mailer } from "@/lib/mail/mailer";
import type { NewsletterKind } from "@/lib/generated/prisma/client";
import { listedStoryWhere } from "@/lib/stories/stories";
import { listUnsubscribeHeaders, subscriberLinks } from "./links";
import { siteName } from "@/lib/shows/shows";
import { issueEmail, type IssueContent, type IssueItem } from "./templates";
import { assertStaff, type Admin } from "@/lib/auth/staff";
import { cutText } from "@/lib/text/safe-text";

const FIRST_ISSUE_ITEMS = 5;
const ITEMS_PER_KIND = 20;
const LEASE_SECONDS = 120;
const MAX_ATTEMPTS = 5;

/** Who gets each kind of issue: the preference a subscriber ticks for it. */
const AUDIENCE: Record<NewsletterKind, "wantsDigest" | "wantsEpisodes" | "wantsStories"> = {
  DIGEST: "wantsDigest",
  EPISODES: "wantsEpisodes",
  STORIES: "wantsStories",
};

function absolute(path: string): string {
  return new URL(path, getEnv().SITE_URL).toString();
}

// An issue's links to episodes and stories name their source, so the site's analytics count those visits as the newsletter's.
function fromNewsletter(path: string): string {
  return absolute(`${path}?utm_source=newsletter`);
}

const episodeItemSelect = { slug: true, title: true, summary: true, publishedAt: true, durationSeconds: true, show: { select: { title: true } } } as const;

function episodeItem(episode: Prisma.EpisodeGetPayload<{ select: typeof episodeItemSelect }>): IssueItem {
  return {
    title: episode.title,
    url: fromNewsletter(`/episodes/${episode.slug}`),
    blurb: cutText(episode.summary, 280),
    meta: [episode.show.title, formatDate(episode.publishedAt), episode.durationSeconds ? formatDuration(episode.durationSeconds) : ""]
      .filter(Boolean)
      .join(" · "),
  };
}

/** A draft issue of what is new since the last one of its kind; the admin previews it before sending. */
export async function composeIssue(kind: NewsletterKind, intro = "", now = new Date(), digestSlot?: Date): Promise<{ id: string }> {
  const previous = await prisma.newsletterIssue.findFirst({
    where: { kind, status: { not: "DRAFT" } },
    orderBy: { coversTo: "desc" },
    select: { coversTo: true },
  });
  // The first issue of a kind has no "since": it carries the latest few, however long ago a slow show posted.
  const coversFrom = previous?.coversTo ?? null;
  const window = { ...(coversFrom && { gt: coversFrom }), lte: now };
  const take = coversFrom ? ITEMS_PER_KIND : FIRST_ISSUE_ITEMS;
  const [episodes, stories] = await Promise.all([
    kind === "STORIES" ? [] : prisma.episode.findMany({ where: { publishedAt: window }, orderBy: { publishedAt: "desc" }, take, select: episodeItemSelect }),
    kind === "EPISODES"
      ? []
      : prisma.story.findMany({
          where: { AND: [listedStoryWhere(), { publishedAt: window }] },
          orderBy: { publishedAt: "desc" },
          take,
          select: { slug: true, title: true, dek: true, publishedAt: true, authorName: true },
        }),
  ]);
  if (episodes.length + stories.length === 0)
    throw new AppError("conflict", coversFrom ? `Nothing new has been published since ${formatDate(coversFrom)}.` : "Nothing has been published yet.");
  const content: IssueContent = {
    intro: intro.trim(),
    episodes: episodes.map(episodeItem),
    stories: stories.map((story): IssueItem => ({
      title: story.title,
      url: fromNewsletter(`/stories/${story.slug}`),
      blurb: story.dek,
      meta: [story.authorName, formatDate(story.publishedAt)].filter(Boolean).join(" · "),
    })),
  };
  const name = await siteName();
  const subject =
    kind === "DIGEST"
      ? `${name}: new episodes and stories`
      : kind === "EPISODES"
        ? `New from ${name}: ${episodes[0]!.title}`
        : `New on ${name}: ${stories[0]!.title}`;
  return prisma.newsletterIssue.create({
    data: {
      kind,
      subject,
      content: content as unknown as Prisma.InputJsonValue,
      coversFrom,
      coversTo: now,
      ...(digestSlot && { origin: "WEEKLY_DIGEST", digestSlot }),
    },
    select: { id: true },
  });
}

/** The issue announcing one new episode, or null when it already has one (the episode's link is unique). */
export async function composeEpisodeAnnouncement(episodeId: string, now = new Date()): Promise<{ id: string } | null> {
  const episode = await prisma.episode.findUnique({ where: { id: episodeId }, select: episodeItemSelect });
  if (!episode) return null;
  const content: IssueContent = { intro: "", episodes: [episodeItem(episode)], stories: [] };
  const { count } = await prisma.newsletterIssue.createMany({
    data: {
      kind: "EPISODES",
      origin: "NEW_EPISODE",
      episodeId,
      subject: `New from ${episode.show.title}: ${episode.title}`,
      content: content as unknown as Prisma.InputJsonValue,
      coversFrom: episode.publishedAt,
      coversTo: now,
    },
    skipDuplicates: true,
  });
  return count === 0 ? null : prisma.newsletterIssue.findUniqueOrThrow({ where: { episodeId }, select: { id: true } });
}

/** How many subscribers an issue of this kind goes to now: what the admin confirms before sending. */
export async function audienceCount(admin: Admin, kind: NewsletterKind): Promise<number> {
  assertStaff(admin, "ADMIN");
  return prisma.subscriber.count({ where: { status: "CONFIRMED", [AUDIENCE[kind]]: true } });
}

/** The issue as subscribers will get it, to one address the admin gives, marked as a test; nobody else gets it. */
export async function sendTestIssue(admin: Admin, issueId: string, to: string, mailer: Mailer): Promise<boolean> {
  const preview = await issueForPreview(admin, issueId);
  if (!preview) return false;
  await mailer.send({ ...preview.email, subject: `[Test] ${preview.email.subject}`, to: { address: to }, fromName: await siteName() });
  return true;
}

export async function issueForPreview(admin: Admin, issueId: string) {
  assertStaff(admin, "ADMIN");
  const issue = await prisma.newsletterIssue.findUnique({ where: { id: issueId } });
  if (!issue) return null;
  // A preview shows a reader's copy; its links are the preview's, not any subscriber's.
  const links = {
    unsubscribePage: absolute("/newsletter/unsubscribe"),
    oneClick: absolute("/api/newsletter/unsubscribe"),
    preferences: absolute("/newsletter/preferences"),
  };
  return { issue, email: issueEmail(await siteName(), issue.subject, issue.content as unknown as IssueContent, links) };
}

export interface SendOptions {
  mailer: Mailer;
  /** Messages on their way to the mail server at once. */
  concurrency?: number;
  /** Stops the sender where it stands, as a crash would: tests use it to prove a resumed send repeats nothing. */
  signal?: AbortSignal;
}

export type SendOutcome = { status: "sent" } | { status: "busy" } | { status: "waiting"; retryAt: Date };

async function takeLease(issueId: string, token: string) {
  const [issue] = await prisma.$queryRaw<{ status: "DRAFT" | "SENDING"; kind: NewsletterKind; subject: string; content: IssueContent }[]>`
    UPDATE "NewsletterIssue" SET "leaseUntil" = now() + make_interval(secs => ${LEASE_SECONDS}), "leaseToken" = ${token}
    WHERE "id" = ${issueId} AND "status" <> 'SENT' AND ("leaseUntil" IS NULL OR "leaseUntil" < now())
    RETURNING "status", "kind", "subject", "content"`;
  return issue;
}

/** Sends an issue to every confirmed subscriber who wants its kind, or resumes a send that stopped. */
export async function sendIssue(issueId: string, options: SendOptions): Promise<SendOutcome> {
  const token = randomUUID();
  const issue = await takeLease(issueId, token);
  if (!issue) return { status: "busy" };
  const held = { id: issueId, leaseToken: token };
  if (issue.status === "DRAFT") {
    const wants = Prisma.raw(`"${AUDIENCE[issue.kind]}"`);
    await prisma.$transaction([
      prisma.$executeRaw`
        INSERT INTO "NewsletterDelivery" ("issueId", "subscriberId")
        SELECT ${issueId}, "id" FROM "Subscriber" WHERE "status" = 'CONFIRMED' AND ${wants}
        ON CONFLICT DO NOTHING`,
      prisma.newsletterIssue.update({ where: { id: issueId }, data: { status: "SENDING", sendStartedAt: new Date() } }),
    ]);
  }
  // We hold the lease, so a delivery still claimed belongs to a sender that stopped: it may have gone out.
  await prisma.newsletterDelivery.updateMany({
    where: { issueId, status: "SENDING" },
    data: { status: "UNCERTAIN", error: "The sender stopped after handing this message to the mail server: not sent again." },
  });

  const name = await siteName();
  let leaseRenewedAt = Date.now();
  // Workers walk the list in subscriber order from a shared cursor, so no claim rereads the rows already sent (every
  // status change leaves dead index entries behind until vacuum); a last pass from the start picks up the rest.
  let after = "";
  // Only while this sender holds the lease: the issue's row is locked for the claim, so a sender taking the lease
  // over waits for it, then finds it SENDING (and marks it uncertain), and this sender claims nothing more.
  const claim = () => prisma.$queryRaw<ClaimedDelivery[]>`
    WITH lease AS (SELECT 1 FROM "NewsletterIssue" WHERE "id" = ${issueId} AND "leaseToken" = ${token} FOR SHARE),
    picked AS (
      SELECT "subscriberId" FROM "NewsletterDelivery"
      WHERE "issueId" = ${issueId} AND "subscriberId" > ${after} AND "status" = 'PENDING' AND "nextAttemptAt" <= now() AND EXISTS (SELECT 1 FROM lease)
      ORDER BY "subscriberId" LIMIT 1 FOR UPDATE SKIP LOCKED)
    UPDATE "NewsletterDelivery" d SET "status" = 'SENDING', "attempts" = d."attempts" + 1
    FROM picked, "Subscriber" s
    WHERE d."issueId" = ${issueId} AND d."subscriberId" = picked."subscriberId" AND s."id" = d."subscriberId"
    RETURNING d."subscriberId", d."attempts", s."email", s."name", s."status"::text AS "status"`;
  // Each worker claims one delivery at a time and sends it, so a crash leaves only the one in flight uncertain. One
  // worker's error stops the others, and the send answers only once none is running.
  let stopped: { error: unknown } | undefined;
  const worker = async () => {
    try {
      for (;;) {
        options.signal?.throwIfAborted();
        if (stopped) return;
        if (Date.now() - leaseRenewedAt > (LEASE_SECONDS * 1000) / 4) {
          leaseRenewedAt = Date.now();
          const renewed = await prisma.newsletterIssue.updateMany({ where: held, data: { leaseUntil: new Date(Date.now() + LEASE_SECONDS * 1000) } });
          if (renewed.count === 0) return;
        }
        let [delivery] = await claim();
        if (!delivery && after !== "") {
          after = "";
          [delivery] = await claim();
        }
        if (!delivery) return;
        if (stopped || options.signal?.aborted) {
          // Claimed as the send stopped, and not sent: back on the list for the next sender.
          await prisma.newsletterDelivery.update({
            where: { issueId_subscriberId: { issueId, subscriberId: delivery.subscriberId } },
            data: { status: "PENDING", attempts: { decrement: 1 } },
          });
          return;
        }
        if (delivery.subscriberId > after) after = delivery.subscriberId;
        await deliver(issueId, issue, name, delivery, options);
      }
    } catch (error) {
      stopped ??= { error };
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 10 }, worker));
  if (stopped) throw stopped.error;

  const waiting = await prisma.newsletterDelivery.findFirst({
    where: { issueId, status: "PENDING" },
    orderBy: { nextAttemptAt: "asc" },
    select: { nextAttemptAt: true },
  });
  if (waiting) {
    await prisma.newsletterIssue.updateMany({ where: held, data: { leaseUntil: null, leaseToken: null } });
    return { status: "waiting", retryAt: waiting.nextAttemptAt };
  }
  // Another sender took the lease over while this one stalled: the send is theirs to finish.
  const finished = await prisma.newsletterIssue.updateMany({ where: held, data: { status: "SENT", sentAt: new Date(), leaseUntil: null, leaseToken: null } });
  return finished.count ? { status: "sent" } : { status: "busy" };
}

interface ClaimedDelivery {
  subscriberId: string;
  attempts: number;
  email: string;
  name: string;
  status: string;
}

async function deliver(
  issueId: string,
  issue: { subject: string; content: IssueContent },
  siteTitle: string,
  delivery: ClaimedDelivery,
  { mailer, signal }: SendOptions,
): Promise<void> {
  const where = { issueId_subscriberId: { issueId, subscriberId: delivery.subscriberId } };
  if (delivery.status !== "CONFIRMED") {
    await prisma.newsletterDelivery.update({ where, data: { status: "SKIPPED", error: "Unsubscribed before this issue reached them." } });
    return;
  }
  const links = await subscriberLinks(delivery.subscriberId);
  const mail = issueEmail(siteTitle, issue.subject, issue.content, links);
  try {
    await mailer.send({
      ...mail,
      fromName: siteTitle,
      to: { address: delivery.email, name: delivery.name || undefined },
      headers: listUnsubscribeHeaders(links),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UncertainMailError) {
      await prisma.newsletterDelivery.update({
        where,
        data: { status: "UNCERTAIN", error: `The connection to the mail server was lost mid-message: not sent again (${message}).` },
      });
      return;
    }
    const permanent = error instanceof PermanentMailError || delivery.attempts >= MAX_ATTEMPTS;
    // Backing off 1, 4, 9, 16 minutes: a mail server's bad moment passes, and the rest of the list goes on meanwhile.
    const nextAttemptAt = new Date(Date.now() + delivery.attempts ** 2 * 60_000);
    await prisma.newsletterDelivery.update({
      where,
      data: permanent ? { status: "FAILED", error: message } : { status: "PENDING", error: message, nextAttemptAt },
    });
    return;
  }
  signal?.throwIfAborted();
  await prisma.newsletterDelivery.update({ where, data: { status: "SENT", sentAt: new Date(), error: null } });
}

export type DeliveryCounts = Record<"PENDING" | "SENDING" | "SENT" | "FAILED" | "UNCERTAIN" | "SKIPPED", number>;

export async function deliveryCounts(issueId: string): Promise<DeliveryCounts> {
  const groups = await prisma.newsletterDelivery.groupBy({ by: ["status"], where: { issueId }, _count: { _all: true } });
  const counts: DeliveryCounts = { PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0, UNCERTAIN: 0, SKIPPED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return counts;
}

export async function listIssues(admin: Admin, limit = 30) {
  assertStaff(admin, "ADMIN");
  return prisma.newsletterIssue.findMany({
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, kind: true, origin: true, subject: true, status: true, createdAt: true, sentAt: true, _count: { select: { deliveries: true } } },
  });
}
