// What every request must be before any route sees it, checked once in proxy.ts whatever front is in use:
// an address that decodes (UTF-8, no NUL) and, for a server action, a post from this site within that action's
// body limit. Anything else is answered here with a 4xx, so no malformed input can reach a page as a 500.
import { getEnv } from "@/lib/env";
import { fromThisSite } from "@/lib/http/forms";

/** Server actions' bodies, by the page they are posted to. Only the admin's upload forms need more than a form. */
export const ACTION_BODY_LIMITS = {
  /** Story hero images (HERO_IMAGE_MAX_BYTES, 10 MB) and subscriber lists (5 MB), with the form around them. */
  upload: 12 * 1024 * 1024,
  /** Every other action: comments, account changes, admin forms without files. */
  form: 256 * 1024,
} as const;
const UPLOAD_PAGES = ["/admin/stories", "/admin/newsletter"];
// The admin's session cookies: without one no upload can succeed, so no stranger's body is read at 12 MB.
const STAFF_COOKIES = ["showfront_admin", "next-auth.session-token", "__Secure-next-auth.session-token"];

// Next hands the proxy its query already decoded and encoded again, a malformed sequence turned into U+FFFD on
// the way; no person types that character, so a query carrying it is refused as the malformed one it was.
function decodes(text: string): boolean {
  try {
    const decoded = decodeURIComponent(text);
    return !decoded.includes("\0") && !decoded.includes("\uFFFD") && decoded.isWellFormed();
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

function actionBodyLimit(request: Request, pathname: string): number {
  const cookies = request.headers.get("cookie") ?? "";
  const mayUpload = UPLOAD_PAGES.some((page) => pathname === page || pathname.startsWith(`${page}/`)) && STAFF_COOKIES.some((name) => cookies.includes(`${name}=`));
  return mayUpload ? ACTION_BODY_LIMITS.upload : ACTION_BODY_LIMITS.form;
}

/**
 * Next checks an action's Origin again, against X-Forwarded-Host or Host or serverActions.allowedOrigins (SITE_URL's
 * host, next.config.ts), and answers a mismatch with a 500; what it would refuse is refused here as a 403.
 */
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

const refuse = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/** The answer to a request that may go no further, or null for one that may. */
export function guardRequest(request: Request): Response | null {
  const url = new URL(request.url);
  if (!wellFormedAddress(url)) return refuse(400, "That address is not well-formed.");
  if (request.method === "POST" && request.headers.has("next-action")) {
    if (!fromThisSite(request) || !nextAcceptsOrigin(request)) return refuse(403, "Forms are accepted from this site's own pages only.");
    const length = request.headers.get("content-length");
    if (length === null) return refuse(411, "Say how long the form is (Content-Length).");
    if (!/^\d{1,12}$/.test(length) || Number(length) > actionBodyLimit(request, url.pathname)) return refuse(413, "That form is larger than this page accepts.");
  }
  return null;
}
