"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { moderatorViewer } from "@/lib/admin-session";
import { CommentError, moderate, setRole, unban } from "@/lib/comments/comments";
import type { ActionState } from "@/lib/validations/admin";
import { moderateSchema, setRoleSchema, userIdSchema } from "@/lib/validations/comments";

/** Approve, mark as spam, remove, or ban the authors of the ticked comments; the role is checked in moderate(). */
export async function moderateComments(_previous: ActionState | undefined, form: FormData): Promise<ActionState> {
  const parsed = moderateSchema.safeParse({ action: form.get("action"), commentIds: form.getAll("commentIds") });
  if (!parsed.success) return { ok: false, message: z.flattenError(parsed.error).fieldErrors.commentIds?.[0] ?? "Choose what to do." };
  try {
    const count = await moderate(await moderatorViewer(), parsed.data.action, parsed.data.commentIds);
    revalidatePath("/admin/comments");
    return { ok: true, message: `${count} comment${count === 1 ? "" : "s"}: ${parsed.data.action === "ban" ? "removed, authors banned" : `${parsed.data.action}d`}.` };
  } catch (error) {
    if (error instanceof CommentError) return { ok: false, message: error.message };
    throw error;
  }
}

async function peopleAction(work: () => Promise<void>, message: string): Promise<ActionState> {
  try {
    await work();
    revalidatePath("/admin/people");
    return { ok: true, message };
  } catch (error) {
    if (error instanceof CommentError) return { ok: false, message: error.message };
    throw error;
  }
}

export async function changeRole(_previous: ActionState | undefined, form: FormData): Promise<ActionState> {
  const parsed = setRoleSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: "Choose a role." };
  return peopleAction(async () => setRole(await moderatorViewer(), parsed.data.userId, parsed.data.role), "Role changed.");
}

export async function liftBan(_previous: ActionState | undefined, form: FormData): Promise<ActionState> {
  const parsed = userIdSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, message: "That person is not known." };
  return peopleAction(async () => unban(await moderatorViewer(), parsed.data.userId), "Ban lifted.");
}
