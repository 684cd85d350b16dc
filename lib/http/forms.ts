// Form posts to route handlers: read small bodies only, refuse other sites' forms, and answer a browser without
// JavaScript with a redirect and a script with JSON, from one handler.
import "server-only";
import { getEnv } from "@/lib/env";

export const FORM_MAX_BYTES = 16 * 1024;

/** The form's text fields (files are not for these forms), or undefined for a body past 16 KB. */
export async function readForm(request: Request, maxBytes = FORM_MAX_BYTES): Promise<Record<string, string> | undefined> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return undefined;
  const body = await request.arrayBuffer();
  if (body.byteLength > maxBytes) return undefined;
  const type = request.headers.get("content-type") ?? "";
  const fields = type.startsWith("multipart/form-data")
    ? await new Response(body, { headers: { "content-type": type } }).formData()
    : new URLSearchParams(new TextDecoder().decode(body));
  const values: Record<string, string> = {};
  for (const [name, value] of fields.entries()) if (typeof value === "string") values[name] = value;
  return values;
}

// Whether a post came from this site: its Origin is SITE_URL's or the Host's (X-Forwarded-Host only behind a trusted
// proxy). Browsers send Origin with every form post; the caller decides about a post without one.
export function fromThisSite(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return true;
  const env = getEnv();
  const forwardedHost = env.TRUSTED_PROXY_HOPS > 0 ? request.headers.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwardedHost || request.headers.get("host");
  try {
    return origin === new URL(env.SITE_URL).origin || (host !== null && new URL(origin).host === host);
  } catch {
    // "null", from sandboxed frames and privacy-minded redirects: not a page of ours.
    return false;
  }
}

/** A JSON body up to the same size as a form; undefined when larger or not JSON. */
export async function readJson(request: Request, maxBytes = FORM_MAX_BYTES): Promise<unknown> {
  if (Number(request.headers.get("content-length") ?? 0) > maxBytes) return undefined;
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A fetch from our own script asks for JSON; a plain form post is answered with a redirect to a page. */
export function wantsJson(request: Request): boolean {
  return (request.headers.get("accept") ?? "").includes("application/json");
}

/** 303 to a path of this site: the browser shows that page with a GET. */
export function seeOther(path: string): Response {
  return new Response(null, { status: 303, headers: { location: path, "cache-control": "no-store" } });
}
