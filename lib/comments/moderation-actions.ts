"use server";

// What moderators do from the admin: the queue's verdicts, roles and bans. The role is checked again in each
// function of lib/comments, where the data is changed.
import "server-only";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { moderate } from "@/lib/comments/comments";
import { setRole, unban } from "@/lib/people/accounts";
import { moderateSchema, setRoleSchema, userIdSchema } from "@/lib/validations/comments";

/** Approve, mark as spam, remove, or ban the authors of the ticked comments. */
export const moderateComments = action({ auth: "moderator", schema: moderateSchema }, async ({ action: verdict, commentIds }, moderator) => {
  const count = await moderate(moderator, verdict, commentIds);
  revalidatePath("/admin/comments");
  return `${count} comment${count === 1 ? "" : "s"}: ${verdict === "ban" ? "removed, authors banned" : `${verdict}d`}.`;
});

export const changeRole = action({ auth: "moderator", schema: setRoleSchema }, async ({ userId, role }, moderator) => {
  await setRole(moderator, userId, role);
  revalidatePath("/admin/people");
  return "Role changed.";
});

export const liftBan = action({ auth: "moderator", schema: userIdSchema }, async ({ userId }, moderator) => {
  await unban(moderator, userId);
  revalidatePath("/admin/people");
  return "Ban lifted.";
});
