// The admin's gate, checked on the server by every admin page and action: a signed-in account with the ADMIN role
// (moderators reach the comment queue only), or a secret from ADMIN_TOKEN exchanged at /admin/sign-in for an
// HttpOnly cookie that holds an HMAC of the token (never the token itself), for a site with no accounts yet.
import { createHmac } from "node:crypto";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { currentViewer, hasRole, type Viewer } from "@/lib/auth/session";
import { getEnv } from "@/lib/env";
import { sameSecret } from "@/lib/site-secret";

const COOKIE = "showfront_admin";
const SESSION_HOURS = 12;

function sessionValue(token: string): string {
  return createHmac("sha256", token).update("showfront admin session v1").digest("base64url");
}

export function adminEnabled(): boolean {
  return Boolean(getEnv().ADMIN_TOKEN);
}

async function hasAdminToken(): Promise<boolean> {
  const token = getEnv().ADMIN_TOKEN;
  const cookie = (await cookies()).get(COOKIE)?.value;
  return Boolean(token && cookie && sameSecret(cookie, sessionValue(token)));
}

/** An admin: signed in with the ADMIN role, or holding the ADMIN_TOKEN session (for a site with no accounts yet). */
export async function isAdmin(): Promise<boolean> {
  return (await hasAdminToken()) || hasRole(await currentViewer(), "ADMIN");
}

/** A moderator or an admin: who may work the comment queue. */
export async function isModerator(): Promise<boolean> {
  return (await hasAdminToken()) || hasRole(await currentViewer(), "MODERATOR");
}

/** Who is doing admin work: the signed-in account, or the ADMIN_TOKEN holder acting as an admin with no account. */
export async function staffViewer(): Promise<Viewer | null> {
  const viewer = await currentViewer();
  if (viewer) return viewer;
  return (await hasAdminToken()) ? { id: "admin-token", name: "Admin", email: "", role: "ADMIN", banned: false } : null;
}

export async function requireAdmin(): Promise<void> {
  if (!(await isAdmin())) redirect("/admin/sign-in");
}

export async function requireModerator(): Promise<void> {
  if (!(await isModerator())) redirect("/admin/sign-in");
}

/** True and a session cookie set when `candidate` is the admin token. */
export async function startAdminSession(candidate: string): Promise<boolean> {
  const env = getEnv();
  if (!env.ADMIN_TOKEN || !sameSecret(candidate, env.ADMIN_TOKEN)) return false;
  (await cookies()).set(COOKIE, sessionValue(env.ADMIN_TOKEN), {
    httpOnly: true,
    sameSite: "lax",
    secure: env.SITE_URL.startsWith("https://"),
    path: "/admin",
    maxAge: SESSION_HOURS * 3600,
  });
  return true;
}

export async function endAdminSession(): Promise<void> {
  (await cookies()).delete({ name: COOKIE, path: "/admin" });
}
