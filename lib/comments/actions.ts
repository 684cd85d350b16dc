"use server";

// What a reader does with comments. Next checks every server action's origin; the reader is looked up from their
// session, and lib/comments decides what they may do.
import "server-only";
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { action } from "@/lib/actions";
import { SESSION_COOKIES } from "@/lib/auth/cookies";
import { clientAddress } from "@/lib/http/client-address";
import { deleteOwnComment, editComment, postComment, reportComment, setCommentsClosed, toggleLike } from "@/lib/comments/comments";
import { deleteAccount } from "@/lib/people/accounts";
import { commentIdSchema, commentTargetSchema, editCommentSchema, postCommentSchema, reportCommentSchema } from "@/lib/validations/comments";

export const postCommentAction = action(
  { auth: "viewer", schema: postCommentSchema, keep: ["body", "displayName"] },
  async ({ kind, slug, ...input }, viewer) => {
    const comment = await postComment(viewer, { ...input, target: { kind, slug } }, clientAddress(await headers()));
    return comment.status === "APPROVED"
      ? { status: "APPROVED", message: "Posted." }
      : { status: "PENDING", message: "Thanks: your comment appears once a moderator has read it." };
  },
);

export const editCommentAction = action({ auth: "viewer", schema: editCommentSchema, keep: ["body"] }, async ({ commentId, body }, viewer) => {
  await editComment(viewer, commentId, body);
  return "Saved.";
});

const smallActionSchema = z.union([reportCommentSchema.extend({ do: z.literal("report") }), commentIdSchema.extend({ do: z.enum(["delete", "like"]) })]);

/** The small actions on one comment: delete your own, like, report. */
export const commentAction = action({ auth: "viewer", schema: smallActionSchema }, async (input, viewer) => {
  if (input.do === "report") {
    await reportComment(viewer, input.commentId, input.reason);
    return "Reported: a moderator will look at it.";
  }
  if (input.do === "delete") await deleteOwnComment(viewer, input.commentId);
  else await toggleLike(viewer, input.commentId);
  return input.do === "delete" ? "Deleted." : "Done.";
});

export const closeCommentsAction = action(
  { auth: "viewer", schema: commentTargetSchema.extend({ closed: z.enum(["true", "false"]) }) },
  async (input, viewer) => {
    await setCommentsClosed(viewer, input, input.closed === "true");
    return input.closed === "true" ? "Comments closed." : "Comments open.";
  },
);

export const deleteAccountAction = action(
  { auth: "viewer", schema: z.object({ confirm: z.literal("on", { error: "Tick the box to confirm." }) }) },
  async (_input, viewer) => {
    await deleteAccount(viewer);
    // The sessions went with the account; the cookie that named one goes too.
    const jar = await cookies();
    for (const name of SESSION_COOKIES) jar.delete(name);
    return "Your account is deleted. Your comments stay, shown as from a deleted user.";
  },
);
