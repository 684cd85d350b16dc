// A person's account: the name they are shown by, deleting it, and what staff change about it (roles, bans lifted).
import "server-only";
import { requireSignedIn } from "@/lib/auth/require";
import type { Viewer } from "@/lib/auth/session";
import { assertStaff, type Admin, type Moderator } from "@/lib/auth/staff";
import { refreshThreads } from "@/lib/comments/comments";
import { prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/client";
import { chooseDisplayName, EARLIER_NAMES } from "./display-names";

/** A reader renames themselves (`/account`): the threads they wrote in show the new name. Answers why not, or null. */
export async function changeDisplayName(viewer: Viewer | null, name: string): Promise<string | null> {
  const user = requireSignedIn(viewer);
  const refused = await chooseDisplayName(user.id, name);
  if (!refused) await refreshThreads({ authorId: user.id });
  return refused;
}

/** Deletes the viewer's account: sessions and likes go, comments stay with no author ("a deleted user"). */
export async function deleteAccount(viewer: Viewer | null) {
  const user = requireSignedIn(viewer);
  const threads = await prisma.comment.findMany({ where: { authorId: user.id }, select: { id: true } });
  await prisma.user.delete({ where: { id: user.id } });
  await refreshThreads({ id: { in: threads.map((comment) => comment.id) } });
}

/** An admin makes a reader a moderator or an admin, or back; an admin cannot demote themselves (someone must stay). */
export async function setRole(admin: Moderator, userId: string, role: Role) {
  assertStaff(admin, "MODERATOR");
  if (admin.role !== "ADMIN") throw new AppError("forbidden", "Only admins can change roles.");
  if (userId === admin.accountId && role !== "ADMIN") throw new AppError("forbidden", "Ask another admin to change your own role.");
  const { count } = await prisma.user.updateMany({ where: { id: userId }, data: { role } });
  if (count === 0) throw new AppError("not-found", "That person has deleted their account.");
}

/** Unbans a person: they can sign in and comment again. */
export async function unban(moderator: Moderator, userId: string) {
  assertStaff(moderator, "MODERATOR");
  await prisma.user.updateMany({ where: { id: userId }, data: { bannedAt: null } });
}

export async function listPeople(admin: Admin, query: string | undefined) {
  assertStaff(admin, "ADMIN");
  return prisma.user.findMany({
    where: query ? { OR: [{ email: { contains: query, mode: "insensitive" } }, { name: { contains: query, mode: "insensitive" } }] } : {},
    orderBy: [{ role: "desc" }, { createdAt: "desc" }],
    take: 100,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      bannedAt: true,
      createdAt: true,
      nameChanges: EARLIER_NAMES,
      _count: { select: { comments: true } },
    },
  });
}
