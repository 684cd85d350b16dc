// The admin's gate, checked by every admin page, action and route: an account with the ADMIN role, or a session opened
// with ADMIN_TOKEN (a site with no accounts yet): a Postgres row sign-out deletes, its cookie a random value, hashed.
import "server-only";
import { createHash, createHmac, randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { ADMIN_SESSION_COOKIE } from "@/lib/auth/cookies";
import { currentViewer } from "@/lib/auth/session";
import { asStaff, tokenHolder, type Admin, type Moderator } from "@/lib/auth/staff";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { sameSecret } from "@/lib/auth/site-secret";

const SESSION_HOURS = 12;

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");
// Names the ADMIN_TOKEN a session was opened with, so a changed token ends every session; an HMAC keyed by the
// token, so the row says nothing about it.
const tokenFingerprint = (token: string) => createHmac("sha256", token).update("showfront admin session v2").digest("base64url");

export function adminEnabled(): boolean {
  return Boolean(getEnv().ADMIN_TOKEN);
}

const hasAdminTokenSession = cache(async (): Promise<boolean> => {
  const token = getEnv().ADMIN_TOKEN;
  const value = (await cookies()).get(ADMIN_SESSION_COOKIE)?.value;
  if (!token || !value || value.length > 100) return false;
  const session = await prisma.adminTokenSession.findUnique({ where: { tokenHash: sha256(value) }, select: { tokenFingerprint: true, expires: true } });
  return session !== null && session.expires > new Date() && sameSecret(session.tokenFingerprint, tokenFingerprint(token));
});

/** The checked admin, or null: a signed-in admin, else the ADMIN_TOKEN session's holder (an admin with no account). */
export async function adminViewer(): Promise<Admin | null> {
  return asStaff(await currentViewer(), "ADMIN") ?? ((await hasAdminTokenSession()) ? tokenHolder() : null);
}

/** The checked moderator (or admin), or null. */
export async function moderatorViewer(): Promise<Moderator | null> {
  return (await adminViewer()) ?? asStaff(await currentViewer(), "MODERATOR");
}

/** The checked admin; anyone else is sent to the admin sign-in. */
export async function requireAdmin(): Promise<Admin> {
  return (await adminViewer()) ?? redirect("/admin/sign-in");
}

/** The checked moderator (or admin); anyone else is sent to the admin sign-in. */
export async function requireModerator(): Promise<Moderator> {
  return (await moderatorViewer()) ?? redirect("/admin/sign-in");
}

/** True and a session opened (a row, and its cookie) when `candidate` is the admin token. */
export async function startAdminSession(candidate: string, now = new Date()): Promise<boolean> {
  const env = getEnv();
  if (!env.ADMIN_TOKEN || !sameSecret(candidate, env.ADMIN_TOKEN)) return false;
  const value = randomBytes(32).toString("base64url");
  await prisma.adminTokenSession.deleteMany({ where: { expires: { lt: now } } });
  await prisma.adminTokenSession.create({
    data: { tokenHash: sha256(value), tokenFingerprint: tokenFingerprint(env.ADMIN_TOKEN), expires: new Date(now.getTime() + SESSION_HOURS * 3_600_000) },
  });
  (await cookies()).set(ADMIN_SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: "lax",
    secure: env.SITE_URL.startsWith("https://"),
    path: "/admin",
    maxAge: SESSION_HOURS * 3600,
  });
  return true;
}

/** Ends the admin-token session for good: its row goes, so a copy of the cookie opens nothing. */
export async function endAdminSession(): Promise<void> {
  const jar = await cookies();
  const value = jar.get(ADMIN_SESSION_COOKIE)?.value;
  if (value && value.length <= 100) await prisma.adminTokenSession.deleteMany({ where: { tokenHash: sha256(value) } });
  jar.delete({ name: ADMIN_SESSION_COOKIE, path: "/admin" });
}
