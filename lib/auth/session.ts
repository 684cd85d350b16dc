// Who is asking, checked on the server every time: the session cookie is looked up in Postgres and the user's
// role and ban are read fresh, so a demotion or a ban takes effect on the next request.
import { getServerSession } from "next-auth";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { authOptions } from "./options";

export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
  banned: boolean;
}

export async function currentViewer(): Promise<Viewer | null> {
  const session = await getServerSession(await authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  const user = await prisma.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true, bannedAt: true } });
  if (!user) return null;
  return { id: user.id, name: user.name || displayNameFromEmail(user.email ?? ""), email: user.email ?? "", role: user.role, banned: user.bannedAt !== null };
}

/** "ada" for ada@example.com: what a commenter who set no name is called. */
export function displayNameFromEmail(email: string): string {
  return email.split("@")[0] || "listener";
}

const RANK: Record<Role, number> = { READER: 0, MODERATOR: 1, ADMIN: 2 };

export function hasRole(viewer: Viewer | null, role: Role): boolean {
  return viewer !== null && !viewer.banned && RANK[viewer.role] >= RANK[role];
}
