import { beforeEach, describe, expect, it } from "@jest/globals";
import type { Viewer } from "@/lib/auth/session";
import { asStaff, tokenHolder, type Moderator } from "@/lib/auth/staff";
import { changeDisplayName, deleteAccount, setRole, unban } from "@/lib/people/accounts";
import {
  deleteOwnComment,
  editComment,
  listComments,
  moderate,
  moderationQueue,
  postComment,
  reportComment,
  setCommentsClosed,
  toggleLike,
  viewerState,
} from "@/lib/comments/comments";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { commentBodySchema } from "@/lib/validations/comments";
import { resetDatabase } from "../setup/database";
import { createEpisode } from "../setup/factories";

beforeEach(resetDatabase);

let people = 0;
async function person(role: Role = "READER", banned = false): Promise<Viewer> {
  people += 1;
  const user = await prisma.user.create({
    data: { email: `person${people}@example.com`, name: `Person ${people}`, role, bannedAt: banned ? new Date() : null },
  });
  return { id: user.id, name: user.name!, email: user.email!, role, banned, nameChosen: true };
}

const target = { kind: "episode" as const, slug: "bridges" };
const typed = (body: string, extra: Partial<Parameters<typeof postComment>[1]> = {}) => ({ target, body, website: "", shownAt: Date.now() - 10_000, ...extra });
let networks = 0;
const net = () => `198.51.100.${(networks += 1) % 250}`;

/** The checked moderator, or what a caller that skipped the check would pass. */
const asModerator = (viewer: Viewer | null) => asStaff(viewer, "MODERATOR") ?? (viewer as unknown as Moderator);

async function refusal(work: Promise<unknown>): Promise<AppErrorCode | "allowed"> {
  try {
    await work;
    return "allowed";
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/** An approved comment by a fresh reader, as if a moderator had let it through. */
async function approvedComment(body = "A first comment that was approved.") {
  const author = await person();
  const { id } = await postComment(author, typed(body), net());
  await prisma.comment.update({ where: { id }, data: { status: "APPROVED", heldReason: null } });
  return { id, author };
}

describe("who may do what", () => {
  beforeEach(async () => {
    await createEpisode({ slug: "bridges", title: "Bridges" });
  });

  it("follows the authorization matrix for every action", async () => {
    const actors = {
      anonymous: null,
      reader: await person("READER"),
      banned: await person("READER", true),
      moderator: await person("MODERATOR"),
      admin: await person("ADMIN"),
    };
    const results: Record<string, Record<string, string>> = {};
    for (const [name, viewer] of Object.entries(actors)) {
      const { id: someoneElses } = await approvedComment();
      const own = viewer && !viewer.banned ? (await postComment(viewer, typed("My own words here."), net())).id : someoneElses;
      if (viewer && !viewer.banned) await prisma.comment.update({ where: { id: own }, data: { status: "APPROVED" } });
      results[name] = {
        post: await refusal(postComment(viewer, typed("Hello from the matrix."), net())),
        reply: await refusal(postComment(viewer, typed("A reply.", { parentId: someoneElses }), net())),
        like: await refusal(toggleLike(viewer, someoneElses)),
        report: await refusal(reportComment(viewer, someoneElses, "rude")),
        "edit someone else's": await refusal(editComment(viewer, someoneElses, "Changed it.")),
        "delete someone else's": await refusal(deleteOwnComment(viewer, someoneElses)),
        "edit own": await refusal(editComment(viewer, own, "Changed my words.")),
        moderate: await refusal(moderate(asModerator(viewer), "approve", [someoneElses])),
        "close comments": await refusal(setCommentsClosed(viewer, target, false)),
      };
    }
    const everything = (value: string) => Object.fromEntries(Object.keys(results.anonymous!).map((action) => [action, value]));
    expect(results.anonymous).toEqual({ ...everything("unauthenticated"), moderate: "forbidden" });
    expect(results.banned).toEqual(everything("forbidden"));
    const member = {
      post: "allowed",
      reply: "allowed",
      like: "allowed",
      report: "allowed",
      "edit someone else's": "forbidden",
      "delete someone else's": "forbidden",
      "edit own": "allowed",
    };
    expect(results.reader).toEqual({ ...member, moderate: "forbidden", "close comments": "forbidden" });
    expect(results.moderator).toEqual({ ...member, moderate: "allowed", "close comments": "allowed" });
    expect(results.admin).toEqual({ ...member, moderate: "allowed", "close comments": "allowed" });
  });
});

describe("commenting", () => {
  beforeEach(async () => {
    await createEpisode({ slug: "bridges", title: "Bridges" });
  });

  it("holds a new commenter's first comment with the reason, then lets their next ones through once approved", async () => {
    const reader = await person();
    const first = await postComment(reader, typed("Great episode, thank you."), net());
    expect(first).toMatchObject({ status: "PENDING", heldReason: "The commenter's first comment." });
    expect((await listComments(target, "oldest")).comments).toEqual([]);
    expect((await viewerState(reader, target)).waiting.map((comment) => comment.body)).toEqual(["Great episode, thank you."]);

    const moderator = await person("MODERATOR");
    expect((await moderationQueue(asStaff(moderator, "MODERATOR")!)).map((comment) => comment.heldReason)).toEqual(["The commenter's first comment."]);
    await moderate(asModerator(moderator), "approve", [first.id]);
    expect((await postComment(reader, typed("And another thought."), net())).status).toBe("APPROVED");
    expect((await listComments(target, "oldest")).comments.map((comment) => comment.body)).toEqual(["Great episode, thank you.", "And another thought."]);
  });

  it("holds comments with many links or blocked words, whoever writes them, and says why", async () => {
    const { author } = await approvedComment();
    expect(await postComment(author, typed("see https://a.example https://b.example https://c.example"), net())).toMatchObject({
      status: "PENDING",
      heldReason: "Has more than 2 links.",
    });
    expect(await postComment(author, typed("Free CASINO BONUS here"), net())).toMatchObject({
      status: "PENDING",
      heldReason: 'Contains a blocked word ("casino bonus").',
    });
    expect(await postComment(author, typed("look https://bit.ly/x"), net())).toMatchObject({
      status: "PENDING",
      heldReason: "Links to a blocked domain (bit.ly).",
    });
  });

  it("threads replies two levels deep, orders by newest, oldest or likes, and keeps deleted users' words", async () => {
    const { id: top, author } = await approvedComment("The top comment.");
    const { id: second } = await approvedComment("A second top comment.");
    const replier = (await approvedComment()).author;
    const reply = await postComment(replier, typed("A reply.", { parentId: top }), net());
    const replyToReply = await postComment(replier, typed("A reply to the reply.", { parentId: reply.id }), net());
    expect((await prisma.comment.findUniqueOrThrow({ where: { id: replyToReply.id } })).parentId).toBe(top);

    const liker = await person();
    expect(await toggleLike(liker, second)).toBe(true);
    const top3 = (await listComments(target, "top")).comments;
    expect(top3[0]!.id).toBe(second);
    expect(top3[0]!.likeCount).toBe(1);
    expect(await toggleLike(liker, second)).toBe(false);

    const thread = (await listComments(target, "oldest")).comments.find((comment) => comment.id === top)!;
    expect(thread.replies.map((comment) => comment.body)).toEqual(["A reply.", "A reply to the reply."]);

    await deleteAccount(author);
    const orphan = (await listComments(target, "oldest")).comments.find((comment) => comment.id === top)!;
    expect(orphan).toMatchObject({ authorName: "A deleted user", body: "The top comment.", authorId: null });
    expect(await prisma.session.count({ where: { userId: author.id } })).toBe(0);
  });

  it("lets an author edit for ten minutes and delete their own comment", async () => {
    const { id, author } = await approvedComment("Original words.");
    await editComment(author, id, "Better words.");
    // Judged like a new comment from this author: one of theirs was approved, so it stands.
    expect(await prisma.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ body: "Better words.", status: "APPROVED", heldReason: null });
    await editComment(author, id, "Better words, and a crypto giveaway.");
    expect(await prisma.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: "PENDING",
      heldReason: 'Contains a blocked word ("crypto giveaway").',
    });
    await editComment(author, id, "Better words after all.");
    // Clean words again, judged again: held now as a first comment, since the one approval they had was this one.
    expect(await prisma.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "PENDING", heldReason: "The commenter's first comment." });
    await moderate(asModerator(await person("MODERATOR")), "approve", [id]);
    const later = new Date(Date.now() + 11 * 60_000);
    expect(await refusal(editComment(author, id, "Too late.", later))).toBe("forbidden");
    await deleteOwnComment(author, id);
    const [gone] = (await listComments(target, "oldest")).comments;
    expect(gone).toMatchObject({ deleted: true, body: "" });
  });

  it("refuses bots, floods and closed threads, and a ban ends the author's sessions", async () => {
    const { author } = await approvedComment();
    expect(await refusal(postComment(author, typed("Filled the honeypot.", { website: "spam" }), net()))).toBe("rate-limited");
    expect(await refusal(postComment(author, typed("Instant post.", { shownAt: Date.now() }), net()))).toBe("rate-limited");

    const network = "203.0.113.50";
    const answers = [];
    for (let index = 0; index < 6; index += 1) answers.push(await refusal(postComment(author, typed(`Comment number ${index}.`), network)));
    // Five a minute per person: one posted before, four now, then the limit.
    expect(answers).toEqual(["allowed", "allowed", "allowed", "allowed", "rate-limited", "rate-limited"]);

    const moderator = await person("MODERATOR");
    const other = (await approvedComment()).author;
    await setCommentsClosed(moderator, target, true);
    expect(await refusal(postComment(other, typed("Anyone there?"), net()))).toBe("conflict");
    await setCommentsClosed(moderator, target, false);

    await prisma.session.create({ data: { sessionToken: "t1", userId: other.id, expires: new Date(Date.now() + 86_400_000) } });
    const { id } = await postComment(other, typed("Something rude."), net());
    await reportComment(author, id, "Rude");
    expect((await moderationQueue(asStaff(moderator, "MODERATOR")!)).find((comment) => comment.id === id)?.reports).toEqual([{ reason: "Rude" }]);
    expect(await moderate(asModerator(moderator), "ban", [id])).toBe(1);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).bannedAt).toBeInstanceOf(Date);
    expect(await prisma.session.count({ where: { userId: other.id } })).toBe(0);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id } })).status).toBe("REMOVED");
  });
});

describe("people", () => {
  it("keeps a moderator's decision: a removed comment cannot be reported or edited back into the queue", async () => {
    await createEpisode({ slug: "bridges", title: "Bridges" });
    const { id, author } = await approvedComment("Words a moderator will remove.");
    const moderator = asStaff(await person("MODERATOR"), "MODERATOR")!;
    await moderate(moderator, "remove", [id]);
    const reader = await person();
    expect(await refusal(reportComment(reader, id, "Still rude"))).toBe("not-found");
    expect(await refusal(editComment(author, id, "Sneaking back."))).toBe("not-found");
    expect(await moderationQueue(moderator)).toEqual([]);
    expect((await prisma.comment.findUniqueOrThrow({ where: { id } })).status).toBe("REMOVED");
  });

  it("answers a report on a comment the reporter cannot see exactly as one on a comment that never was", async () => {
    await createEpisode({ slug: "bridges", title: "Bridges" });
    const author = await person();
    const { id: held } = await postComment(author, typed("Waiting for a moderator."), net());
    const reader = await person();
    const answer = async (commentId: string) =>
      reportComment(reader, commentId, "Spam").catch((error: AppError) => ({ kind: error.code, message: error.message }));
    expect(await answer(held)).toEqual(await answer("c-does-not-exist"));
    expect(await prisma.commentReport.count()).toBe(0);
  });

  it("gives admin data only to a checked viewer, whatever a caller casts", async () => {
    expect(asStaff(await person(), "MODERATOR")).toBeNull();
    expect(asStaff(await person("MODERATOR", true), "MODERATOR")).toBeNull();
    expect(asStaff(await person("MODERATOR"), "ADMIN")).toBeNull();
    await expect(moderationQueue((await person()) as unknown as Moderator)).rejects.toMatchObject({ code: "forbidden" });
    await expect(moderate({ role: "ADMIN", accountId: null } as unknown as Moderator, "approve", [])).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lets only admins change roles, never their own, and a ban can be lifted", async () => {
    const admin = await person("ADMIN");
    const moderator = await person("MODERATOR");
    const reader = await person("READER", true);
    expect(await refusal(setRole(asModerator(moderator), reader.id, "MODERATOR"))).toBe("forbidden");
    expect(await refusal(setRole(asModerator(admin), admin.id, "READER"))).toBe("forbidden");
    expect(await refusal(setRole(asModerator(reader), reader.id, "ADMIN"))).toBe("forbidden");
    await setRole(asModerator(admin), reader.id, "MODERATOR");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("MODERATOR");
    expect(await refusal(unban(asModerator(null), reader.id))).toBe("forbidden");
    await unban(asModerator(moderator), reader.id);
    // The ADMIN_TOKEN session's holder has no account and an admin's rights.
    await setRole(tokenHolder(), reader.id, "READER");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("READER");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: reader.id } })).bannedAt).toBeNull();
  });

  it("lets a throttled commenter post again once the window has passed", async () => {
    await createEpisode({ slug: "bridges", title: "Bridges" });
    const { author } = await approvedComment();
    const start = new Date();
    for (let index = 0; index < 4; index += 1) await postComment(author, typed(`Quick thought ${index}.`), net(), start);
    expect(await refusal(postComment(author, typed("One too many."), net(), start))).toBe("rate-limited");
    const later = new Date(start.getTime() + 61_000);
    expect(await refusal(postComment(author, typed("A minute later."), net(), later))).toBe("allowed");
  });
});

describe("display names", () => {
  it("are chosen with a first comment, shown instead of anything from the address, kept in a history, and never shared", async () => {
    const user = await prisma.user.create({ data: { email: "ada.lovelace@example.com", name: "Listener ABC234" } });
    const viewer: Viewer = { id: user.id, name: user.name!, email: user.email!, role: "READER", banned: false, nameChosen: false };
    await createEpisode({ slug: "bridges", title: "Bridges" });
    const { id } = await postComment(viewer, typed("Hello there, first time.", { displayName: "Ada L." }), net());
    await prisma.comment.update({ where: { id }, data: { status: "APPROVED", heldReason: null } });
    const page = await listComments(target, "oldest");
    expect(page.comments.find((comment) => comment.id === id)?.authorName).toBe("Ada L.");
    expect(JSON.stringify(page)).not.toContain("lovelace");

    // Another account may not show the same name, whatever its case; the refused comment is not posted.
    const other = await person();
    expect(await refusal(postComment(other, typed("Me too, I am Ada.", { displayName: "ada l." }), net()))).toBe("invalid");
    expect(await prisma.comment.count({ where: { authorId: other.id } })).toBe(0);

    expect(await changeDisplayName({ ...viewer, nameChosen: true }, "Ada Lovelace")).toBeNull();
    expect(await changeDisplayName(other, "ADA LOVELACE")).toMatch(/someone else's name/);
    const history = await prisma.displayNameChange.findMany({ where: { userId: user.id }, orderBy: { changedAt: "asc" }, select: { name: true } });
    expect(history.map((change) => change.name)).toEqual(["Ada L.", "Ada Lovelace"]);
    expect((await listComments(target, "oldest")).comments.find((comment) => comment.id === id)?.authorName).toBe("Ada Lovelace");
  });
});

describe("comment text", () => {
  it("is plain text with line breaks, and refuses invisible tricks", () => {
    expect(commentBodySchema.parse("  Line one\r\n\r\n\r\n\r\nLine two  ")).toBe("Line one\n\nLine two");
    expect(commentBodySchema.safeParse("x").success).toBe(false);
    expect(commentBodySchema.safeParse("hello\u202Eevil").success).toBe(false);
    expect(commentBodySchema.safeParse("zero\u200Bwidth").success).toBe(false);
    expect(commentBodySchema.parse("<script>alert(1)</script>")).toBe("<script>alert(1)</script>");
  });
});
