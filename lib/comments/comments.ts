// Comments under episodes and stories: who may do what (checked here, on the server, for every action), how a
// new comment is judged (approved, or held for a moderator and why), and the threads as pages show them.
import "server-only";
import { AppError } from "@/lib/errors";
import { requireModerator, requireSignedIn } from "@/lib/auth/require";
import type { Viewer } from "@/lib/auth/session";
import { hasRole } from "@/lib/auth/session";
import { chooseDisplayName, EARLIER_NAMES, shownName } from "@/lib/people/display-names";
import { assertStaff, type Moderator } from "@/lib/auth/staff";
import { invalidate } from "@/lib/cache/invalidate";
import { threadPage } from "@/lib/cache/tags";
import { hashNetworkAddress } from "@/lib/http/client-address";
import { prisma, Prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { CommentStatus } from "@/lib/generated/prisma/client";
import { takeRateLimits, type RateLimitRule } from "@/lib/http/rate-limit";
import { EDIT_MINUTES, type CommentOrder, type CommentTarget } from "@/lib/validations/comments";
import { linkCount } from "./text";

export const COMMENTS_PER_PAGE = 20;
const LINKS_BEFORE_HOLD = 2;
const MIN_FILL_MS = 3000;
const PER_USER: RateLimitRule = { limit: 5, windowSeconds: 60 };
const PER_USER_HOURLY: RateLimitRule = { limit: 30, windowSeconds: 3600 };
const PER_NETWORK: RateLimitRule = { limit: 20, windowSeconds: 60 };
// Words and domains that hold a comment for a moderator; the site's own list would come from the admin later.
const BLOCKED_WORDS = ["viagra", "casino bonus", "crypto giveaway", "onlyfans"];
const BLOCKED_DOMAINS = ["bit.ly", "tinyurl.com", "t.me"];

async function targetRow(target: CommentTarget) {
  const row =
    target.kind === "episode"
      ? await prisma.episode.findUnique({ where: { slug: target.slug }, select: { id: true, commentsClosed: true } })
      : await prisma.story.findFirst({ where: { slug: target.slug, status: "PUBLISHED" }, select: { id: true, commentsClosed: true } });
  if (!row) throw new AppError("not-found", "That page is gone.");
  return { ...row, where: target.kind === "episode" ? { episodeId: row.id } : { storyId: row.id } };
}

/** The pages that show these comments are rendered afresh on every instance (a renamed or deleted author). */
export async function refreshThreads(where: Prisma.CommentWhereInput) {
  const rows = await prisma.comment.findMany({
    where,
    distinct: ["episodeId", "storyId"],
    select: { episode: { select: { slug: true } }, story: { select: { slug: true } } },
  });
  await invalidate(
    rows.flatMap(({ episode, story }) =>
      episode ? [threadPage({ kind: "episode", slug: episode.slug })] : story ? [threadPage({ kind: "story", slug: story.slug })] : [],
    ),
  );
}

/** Why what was written needs a moderator's look (a blocked word or domain, many links), or null. */
function contentHold(body: string): string | null {
  const lower = body.toLowerCase();
  const word = BLOCKED_WORDS.find((blocked) => lower.includes(blocked));
  if (word) return `Contains a blocked word ("${word}").`;
  const domain = BLOCKED_DOMAINS.find((blocked) => new RegExp(`https?://([a-z0-9-]+\\.)*${blocked.replace(".", "\\.")}\\b`, "i").test(body));
  if (domain) return `Links to a blocked domain (${domain}).`;
  if (linkCount(body) > LINKS_BEFORE_HOLD) return `Has more than ${LINKS_BEFORE_HOLD} links.`;
  return null;
}

/** Approved, or held for a moderator and why: what was written, the site's policy and the commenter's history. */
async function judge(viewer: Viewer, body: string): Promise<{ status: CommentStatus; heldReason: string | null }> {
  if (hasRole(viewer, "MODERATOR")) return { status: "APPROVED", heldReason: null };
  const hold = contentHold(body);
  if (hold) return { status: "PENDING", heldReason: hold };
  const policy = getEnv().COMMENTS_MODERATION;
  if (policy === "all-held") return { status: "PENDING", heldReason: "Every comment is reviewed before it appears." };
  if (policy === "first-held" && !(await prisma.comment.findFirst({ where: { authorId: viewer.id, status: "APPROVED" }, select: { id: true } }))) {
    return { status: "PENDING", heldReason: "The commenter's first comment." };
  }
  return { status: "APPROVED", heldReason: null };
}

export interface PostInput {
  target: CommentTarget;
  body: string;
  parentId?: string;
  momentSeconds?: number;
  website: string;
  shownAt: number;
  /** The name to be shown by, chosen with a first comment. */
  displayName?: string;
}

export async function postComment(viewer: Viewer | null, input: PostInput, network: string, now = new Date()) {
  const author = requireSignedIn(viewer);
  // Bots fill the hidden field or post faster than a person can type; they are refused without a word of why.
  if (input.website || now.getTime() - input.shownAt < MIN_FILL_MS) throw new AppError("rate-limited", "That was quick: take a moment and post again.");
  const networkKey = await hashNetworkAddress(network);
  const [perMinute, perHour, perNetwork] = await takeRateLimits(
    [
      { key: `comment:user:${author.id}`, rule: PER_USER },
      { key: `comment:user-hour:${author.id}`, rule: PER_USER_HOURLY },
      { key: `comment:network:${networkKey}`, rule: PER_NETWORK },
    ],
    now,
  );
  const limited = [perMinute, perHour, perNetwork].find((result) => !result!.allowed);
  if (limited) throw new AppError("rate-limited", `You are commenting faster than we allow: try again in ${limited.retryAfterSeconds} seconds.`);

  const target = await targetRow(input.target);
  if (target.commentsClosed) throw new AppError("conflict", "Comments are closed here.");
  const nameRefused = input.displayName ? await chooseDisplayName(author.id, input.displayName, now) : null;
  if (nameRefused) throw new AppError("invalid", nameRefused);
  let parentId: string | undefined;
  if (input.parentId) {
    const parent = await prisma.comment.findFirst({ where: { id: input.parentId, ...target.where, status: "APPROVED" }, select: { id: true, parentId: true } });
    if (!parent) throw new AppError("not-found", "The comment you answered is gone.");
    // Threads are two levels deep: a reply to a reply joins the same thread.
    parentId = parent.parentId ?? parent.id;
  }
  const verdict = await judge(author, input.body);
  const comment = await prisma.comment.create({
    data: {
      ...target.where,
      authorId: author.id,
      parentId,
      body: input.body,
      momentSeconds: input.target.kind === "episode" ? input.momentSeconds : undefined,
      status: verdict.status,
      heldReason: verdict.heldReason,
      createdAt: now,
    },
    select: { id: true, status: true, heldReason: true },
  });
  if (comment.status === "APPROVED") await invalidate([threadPage(input.target)]);
  return comment;
}

async function ownComment(viewer: Viewer | null, commentId: string) {
  const author = requireSignedIn(viewer);
  const comment = await prisma.comment.findUnique({
    where: { id: commentId },
    select: { id: true, authorId: true, createdAt: true, deletedAt: true, status: true },
  });
  if (!comment || comment.deletedAt) throw new AppError("not-found", "That comment is gone.");
  if (comment.authorId !== author.id) throw new AppError("forbidden", "Only its author can change a comment.");
  return { author, comment };
}

export async function editComment(viewer: Viewer | null, commentId: string, body: string, now = new Date()) {
  const { author, comment } = await ownComment(viewer, commentId);
  if (now.getTime() - comment.createdAt.getTime() > EDIT_MINUTES * 60_000) {
    throw new AppError("forbidden", `Comments can be edited for ${EDIT_MINUTES} minutes after posting.`);
  }
  // A moderator's decision stands: a removed or spam comment stays so. Otherwise the edit is judged like a new
  // comment (words, links, the site's policy), so an approved comment cannot become one that would have been held.
  if (comment.status === "REMOVED" || comment.status === "SPAM") throw new AppError("not-found", "That comment is gone.");
  const verdict = await judge(author, body);
  await prisma.comment.update({ where: { id: commentId }, data: { body, editedAt: now, status: verdict.status, heldReason: verdict.heldReason } });
  await refreshThreads({ id: commentId });
}

export async function deleteOwnComment(viewer: Viewer | null, commentId: string, now = new Date()) {
  await ownComment(viewer, commentId);
  await prisma.comment.update({ where: { id: commentId }, data: { deletedAt: now, body: "" } });
  await refreshThreads({ id: commentId });
}

/** Likes or unlikes; returns whether the viewer now likes it. */
export async function toggleLike(viewer: Viewer | null, commentId: string): Promise<boolean> {
  const user = requireSignedIn(viewer);
  const liked = await prisma.$transaction(async (tx) => {
    const comment = await tx.comment.findFirst({ where: { id: commentId, status: "APPROVED", deletedAt: null }, select: { id: true } });
    if (!comment) throw new AppError("not-found", "That comment is gone.");
    const removed = await tx.commentLike.deleteMany({ where: { commentId, userId: user.id } });
    if (removed.count === 0) await tx.commentLike.create({ data: { commentId, userId: user.id } });
    await tx.comment.update({ where: { id: commentId }, data: { likeCount: { increment: removed.count === 0 ? 1 : -1 } } });
    return removed.count === 0;
  });
  await refreshThreads({ id: commentId });
  return liked;
}

/** A report on a comment the reporter can see (an approved one); any other answers exactly as a comment that never was. */
export async function reportComment(viewer: Viewer | null, commentId: string, reason: string) {
  const user = requireSignedIn(viewer);
  const comment = await prisma.comment.findFirst({ where: { id: commentId, deletedAt: null, status: "APPROVED" }, select: { id: true } });
  if (!comment) throw new AppError("not-found", "That comment is gone.");
  await prisma.commentReport.upsert({
    where: { commentId_reporterId: { commentId, reporterId: user.id } },
    create: { commentId, reporterId: user.id, reason },
    update: { reason, resolvedAt: null },
  });
}

export async function setCommentsClosed(viewer: Viewer | null, target: CommentTarget, closed: boolean) {
  requireModerator(viewer, "open or close comments");
  const row = await targetRow(target);
  if (target.kind === "episode") await prisma.episode.update({ where: { id: row.id }, data: { commentsClosed: closed } });
  else await prisma.story.update({ where: { id: row.id }, data: { commentsClosed: closed } });
  await invalidate([threadPage(target)]);
}

export type ModerationAction = "approve" | "spam" | "remove" | "ban";

/** A moderator's decision on several comments at once; "ban" also removes them and bars their authors. */
export async function moderate(moderator: Moderator, action: ModerationAction, commentIds: string[], now = new Date()): Promise<number> {
  assertStaff(moderator, "MODERATOR");
  const status: CommentStatus = action === "approve" ? "APPROVED" : action === "spam" ? "SPAM" : "REMOVED";
  const count = await prisma.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({ where: { id: { in: commentIds } }, data: { status, heldReason: null } });
    await tx.commentReport.updateMany({ where: { commentId: { in: commentIds }, resolvedAt: null }, data: { resolvedAt: now } });
    if (action === "ban") {
      const authors = await tx.comment.findMany({ where: { id: { in: commentIds }, authorId: { not: null } }, select: { authorId: true } });
      const ids = [...new Set(authors.map((row) => row.authorId!))].filter((id) => id !== moderator.accountId);
      // Admins are not banned from a moderator's queue; their sessions end with the ban.
      await tx.user.updateMany({ where: { id: { in: ids }, role: { not: "ADMIN" } }, data: { bannedAt: now } });
      await tx.session.deleteMany({ where: { userId: { in: ids }, user: { role: { not: "ADMIN" } } } });
    }
    return count;
  });
  await refreshThreads({ id: { in: commentIds } });
  return count;
}

export interface ThreadComment {
  id: string;
  authorName: string;
  body: string;
  momentSeconds: number | null;
  likeCount: number;
  createdAt: string;
  editedAt: string | null;
  deleted: boolean;
  authorId: string | null;
  replies: ThreadComment[];
}

const threadSelect = {
  id: true,
  body: true,
  momentSeconds: true,
  likeCount: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  authorId: true,
  guestName: true,
  author: { select: { id: true, name: true } },
} satisfies Prisma.CommentSelect;

function toThread(row: Prisma.CommentGetPayload<{ select: typeof threadSelect }>, replies: ThreadComment[] = []): ThreadComment {
  return {
    id: row.id,
    // A comment imported from WordPress keeps its commenter's name; one with no author left was a deleted account's.
    authorName: row.author ? shownName(row.author) : (row.guestName ?? "A deleted user"),
    body: row.deletedAt ? "" : row.body,
    momentSeconds: row.momentSeconds,
    likeCount: row.likeCount,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deleted: row.deletedAt !== null,
    authorId: row.authorId,
    replies,
  };
}

const ORDER: Record<CommentOrder, Prisma.CommentOrderByWithRelationInput[]> = {
  newest: [{ createdAt: "desc" }, { id: "desc" }],
  oldest: [{ createdAt: "asc" }, { id: "asc" }],
  top: [{ likeCount: "desc" }, { createdAt: "asc" }, { id: "asc" }],
};

export interface CommentPage {
  comments: ThreadComment[];
  total: number;
  more: boolean;
  closed: boolean;
}

/** One page of approved threads (top-level comments with their approved replies, oldest reply first). */
export async function listComments(target: CommentTarget, order: CommentOrder, page = 1): Promise<CommentPage> {
  const row = await targetRow(target);
  const visible = { ...row.where, status: "APPROVED" as const };
  const [total, tops] = await Promise.all([
    prisma.comment.count({ where: visible }),
    prisma.comment.findMany({
      where: { ...visible, parentId: null },
      orderBy: ORDER[order],
      skip: (page - 1) * COMMENTS_PER_PAGE,
      take: COMMENTS_PER_PAGE + 1,
      select: threadSelect,
    }),
  ]);
  const shown = tops.slice(0, COMMENTS_PER_PAGE);
  const replies = await prisma.comment.findMany({
    where: { ...visible, parentId: { in: shown.map((top) => top.id) } },
    orderBy: ORDER.oldest,
    select: { ...threadSelect, parentId: true },
  });
  return {
    comments: shown.map((top) =>
      toThread(
        top,
        replies.filter((reply) => reply.parentId === top.id).map((reply) => toThread(reply)),
      ),
    ),
    total,
    more: tops.length > COMMENTS_PER_PAGE,
    closed: row.commentsClosed,
  };
}

/** What the signed-in viewer sees beyond the public page: their likes, and their own comments still waiting. */
export async function viewerState(viewer: Viewer | null, target: CommentTarget) {
  if (!viewer) return { viewer: null, liked: [], waiting: [] };
  const row = await targetRow(target);
  const [liked, waiting] = await Promise.all([
    prisma.commentLike.findMany({ where: { userId: viewer.id, comment: row.where }, select: { commentId: true } }),
    prisma.comment.findMany({ where: { ...row.where, authorId: viewer.id, status: "PENDING" }, orderBy: ORDER.oldest, select: threadSelect }),
  ]);
  return {
    viewer: { id: viewer.id, name: viewer.name, role: viewer.role, banned: viewer.banned, nameChosen: viewer.nameChosen },
    liked: liked.map((like) => like.commentId),
    waiting: waiting.map((comment) => toThread(comment)),
  };
}

// The names a person showed before, for moderators: the current one is the newest change.

/** The moderation queue: held comments, and approved ones someone reported, oldest first. */
export async function moderationQueue(moderator: Moderator) {
  assertStaff(moderator, "MODERATOR");
  return prisma.comment.findMany({
    // A removed or spam comment stays out, whatever reports it had before the decision.
    where: { OR: [{ status: "PENDING" }, { status: "APPROVED", reports: { some: { resolvedAt: null } } }] },
    orderBy: { createdAt: "asc" },
    take: 100,
    select: {
      id: true,
      body: true,
      status: true,
      heldReason: true,
      createdAt: true,
      author: { select: { name: true, email: true, bannedAt: true, nameChanges: EARLIER_NAMES } },
      episode: { select: { slug: true, title: true } },
      story: { select: { slug: true, title: true } },
      reports: { where: { resolvedAt: null }, select: { reason: true } },
    },
  });
}
