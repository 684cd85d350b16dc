"use server";

// What a reader does with comments. Each action validates its form with zod, looks the reader up from their
// session (Next checks the request's origin for every server action), and answers with a message, keeping what
// was typed when something needs fixing.
import { cookies, headers } from "next/headers";
import { z } from "zod";
import { SESSION_COOKIES } from "@/lib/auth/cookies";
import { currentViewer } from "@/lib/auth/session";
import { clientAddress } from "@/lib/client-address";
import { CommentError, deleteAccount, deleteOwnComment, editComment, postComment, reportComment, setCommentsClosed, toggleLike } from "@/lib/comments/comments";
import { commentIdSchema, commentTargetSchema, editCommentSchema, postCommentSchema, reportCommentSchema } from "@/lib/validations/comments";

export interface CommentActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** What was typed, given back so a refused post loses nothing. */
  body?: string;
  displayName?: string;
  status?: "PENDING" | "APPROVED";
}

async function run(work: () => Promise<CommentActionState>, body?: string): Promise<CommentActionState> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CommentError) return { ok: false, message: error.message, body };
    throw error;
  }
}

export async function postCommentAction(_previous: CommentActionState | undefined, form: FormData): Promise<CommentActionState> {
  const typed = String(form.get("body") ?? "");
  const typedName = form.has("displayName") ? String(form.get("displayName")) : undefined;
  const parsed = postCommentSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, body: typed, displayName: typedName };
  const { kind, slug, ...input } = parsed.data;
  const answer = await run(async () => {
    const comment = await postComment(await currentViewer(), { ...input, target: { kind, slug } }, clientAddress(await headers()));
    return comment.status === "APPROVED"
      ? { ok: true, status: "APPROVED", message: "Posted." }
      : { ok: true, status: "PENDING", message: "Thanks: your comment appears once a moderator has read it." };
  }, typed);
  return answer.ok ? answer : { ...answer, displayName: typedName };
}

export async function editCommentAction(_previous: CommentActionState | undefined, form: FormData): Promise<CommentActionState> {
  const typed = String(form.get("body") ?? "");
  const parsed = editCommentSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, body: typed };
  return run(async () => {
    await editComment(await currentViewer(), parsed.data.commentId, parsed.data.body);
    return { ok: true, message: "Saved." };
  }, typed);
}

/** The small actions on one comment: delete your own, like, report. */
export async function commentAction(_previous: CommentActionState | undefined, form: FormData): Promise<CommentActionState> {
  const what = z.enum(["delete", "like", "report"]).safeParse(form.get("do"));
  if (!what.success) return { ok: false, message: "That action is not known." };
  return run(async () => {
    const viewer = await currentViewer();
    if (what.data === "report") {
      const parsed = reportCommentSchema.safeParse(Object.fromEntries(form));
      if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
      await reportComment(viewer, parsed.data.commentId, parsed.data.reason);
      return { ok: true, message: "Reported: a moderator will look at it." };
    }
    const parsed = commentIdSchema.safeParse(Object.fromEntries(form));
    if (!parsed.success) return { ok: false, message: "That comment is not known." };
    if (what.data === "delete") await deleteOwnComment(viewer, parsed.data.commentId);
    else await toggleLike(viewer, parsed.data.commentId);
    return { ok: true, message: what.data === "delete" ? "Deleted." : "Done." };
  });
}

export async function closeCommentsAction(_previous: CommentActionState | undefined, form: FormData): Promise<CommentActionState> {
  const parsed = commentTargetSchema.extend({ closed: z.enum(["true", "false"]) }).safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: "That page is not known." };
  return run(async () => {
    await setCommentsClosed(await currentViewer(), parsed.data, parsed.data.closed === "true");
    return { ok: true, message: parsed.data.closed === "true" ? "Comments closed." : "Comments open." };
  });
}

export async function deleteAccountAction(_previous: CommentActionState | undefined, form: FormData): Promise<CommentActionState> {
  if (form.get("confirm") !== "on") return { ok: false, message: "Tick the box to confirm." };
  return run(async () => {
    await deleteAccount(await currentViewer());
    // The sessions went with the account; the cookie that named one goes too.
    const jar = await cookies();
    for (const name of SESSION_COOKIES) jar.delete(name);
    return { ok: true, message: "Your account is deleted. Your comments stay, shown as from a deleted user." };
  });
}
