// Who is asking, checked on the server every time: the session cookie next-auth set is looked up in Postgres with
// its user, in one query, so a sign-out, a demotion or a ban takes effect on the next request.
import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { SESSION_COOKIES } from "@/lib/auth/cookies";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/client";
import { shownName } from "@/lib/people/display-names";

export interface Viewer {
  id: string;
  name: string;
  email: string;
  role: Role;
  banned: boolean;
  /** Whether they chose the name they are shown by (else it is a generated one they are asked to replace). */
  nameChosen: boolean;
}

/** The signed-in viewer, looked up once per request however many components ask. */
export const currentViewer = cache(async (): Promise<Viewer | null> => {
  const jar = await cookies();
  const sessionToken = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!sessionToken || sessionToken.length > 200) return null;
  const session = await prisma.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { id: true, name: true, nameChosenAt: true, email: true, role: true, bannedAt: true } } },
  });
  if (!session || session.expires < new Date()) return null;
  const { user } = session;
  return {
    id: user.id,
    name: shownName(user),
    email: user.email ?? "",
    role: user.role,
    banned: user.bannedAt !== null,
    nameChosen: user.nameChosenAt !== null,
  };
});

const RANK: Record<Role, number> = { READER: 0, MODERATOR: 1, ADMIN: 2 };

export function hasRole(viewer: Viewer | null, role: Role): boolean {
  return viewer !== null && !viewer.banned && RANK[viewer.role] >= RANK[role];
}
