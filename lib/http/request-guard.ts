// What every request must be before a route sees it, checked once in proxy.ts: an address that decodes, a body within
// its limit, a server action posted from this site. Anything else gets its 4xx here, never a 500 later.
import "server-only";
import { parseAndValidateFlightRouterState } from "next/dist/server/app-render/parse-and-validate-flight-router-state";
import { ADMIN_SESSION_COOKIE, SESSION_COOKIES } from "@/lib/auth/cookies";
import { getEnv } from "@/lib/env";
import { FORM_MAX_BYTES, fromThisSite } from "@/lib/http/forms";

/** The largest body each kind of request may send. Only the admin's upload forms need more than a form. */
export const BODY_LIMITS = {
  /** Route handlers (sign-up, comments over HTTP, next-auth): the forms lib/http/forms.ts reads. */
  route: FORM_MAX_BYTES,
  /** Server actions: comments, account changes, admin forms without files. */
  action: 256 * 1024,
  /** Server actions of the admin's upload pages: hero images (10 MB) and subscriber lists (5 MB), with the form. */
  upload: 12 * 1024 * 1024,
} as const;
const UPLOAD_PAGES = ["/admin/stories", "/admin/newsletter"];
// The admin's session cookies: without one no upload can succeed, so no stranger's body is read at 12 MB.
const STAFF_COOKIES = [ADMIN_SESSION_COOKIE, ...SESSION_COOKIES];

function decodes(text: string): boolean {
  try {
    const decoded = decodeURIComponent(text);
    return !decoded.includes("\0") && decoded.isWellFormed();
  } catch {
    return false;
  }
}

/** Whether every path segment and every query name and value is well-formed percent-encoded UTF-8 without NUL. */
export function wellFormedAddress(url: URL): boolean {
  if (!url.pathname.split("/").every(decodes)) return false;
  const query = url.search.slice(1);
  return query === "" || query.split(/[&=]/).every((part) => decodes(part.replaceAll("+", " ")));
}

function bodyLimit(request: Request, pathname: string, isAction: boolean): number {
  if (!isAction) return BODY_LIMITS.route;
  const cookies = request.headers.get("cookie") ?? "";
  const mayUpload =
    UPLOAD_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`)) && STAFF_COOKIES.some((name) => cookies.includes(`${name}=`));
  return mayUpload ? BODY_LIMITS.upload : BODY_LIMITS.action;
}

/** The RSC router state, read by Next's own parser: one Next cannot parse would be a 500, so it is refused here. */
function wellFormedRouterState(request: Request): boolean {
  const header = request.headers.get("next-router-state-tree");
  if (header === null) return true;
  try {
    parseAndValidateFlightRouterState(header);
    return true;
  } catch {
    return false;
  }
}

/** An action whose Origin Next would refuse with a 500 (against the forwarded or own Host, or SITE_URL) is a 403 here. */
function nextAcceptsOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const host = request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() || request.headers.get("host");
  try {
    const originHost = new URL(origin).host;
    return originHost === host || originHost === new URL(getEnv().SITE_URL).host;
  } catch {
    return false;
  }
}

const refuse = (status: number, message: string) =>
  new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** The answer to a request that may go no further, or null for one that may. */
export function guardRequest(request: Request): Response | null {
  const url = new URL(request.url);
  if (!wellFormedAddress(url)) return refuse(400, "That address is not well-formed.");
  if (!wellFormedRouterState(request)) return refuse(400, "That router state is not well-formed.");
  const isAction = request.method === "POST" && request.headers.has("next-action");
  if (isAction && (!fromThisSite(request) || !nextAcceptsOrigin(request))) return refuse(403, "Forms are accepted from this site's own pages only.");
  const length = request.headers.get("content-length");
  // A body of unknown length (chunked) could be any size: its sender must say how long it is.
  if (length === null && request.headers.has("transfer-encoding")) return refuse(411, "Say how long the body is (Content-Length).");
  if (length !== null && (!/^\d{1,12}$/.test(length) || Number(length) > bodyLimit(request, url.pathname, isAction)))
    return refuse(413, "That body is larger than this address accepts.");
  return null;
}
