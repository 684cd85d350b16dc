// The names of the cookies that say who someone is, in one place: read by the session helpers, cleared on sign-out,
// and looked for (never trusted) by the request guard, which runs before any database is at hand.

import "server-only";
/** next-auth's database-session cookie: "__Secure-" in front when the site is served over https. */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The session opened with ADMIN_TOKEN at /admin/sign-in (lib/auth/admin-session.ts). */
export const ADMIN_SESSION_COOKIE = "showfront_admin";
