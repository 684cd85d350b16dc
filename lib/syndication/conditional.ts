// Feeds are polled by every podcast app every few minutes: an unchanged feed answers 304 from a cheap version
// check, before anything is rendered.
import "server-only";
import { createHash } from "node:crypto";
import fresh from "fresh";

export interface FeedVersion {
  /** Changes whenever the feed's content would. */
  tag: string;
  lastModified: Date;
}

const CACHE_CONTROL = "public, max-age=300, s-maxage=300";

function etagOf(version: FeedVersion): string {
  return `"${createHash("sha256").update(version.tag).digest("base64url").slice(0, 27)}"`;
}

// RFC 9110's conditional GET, as Express answers it (the fresh package): If-None-Match first, else If-Modified-Since.
// Only the validators are given: a client's Cache-Control speaks to caches, not to the server that owns the feed.
function notModified(request: Request, etag: string, lastModified: Date): boolean {
  const validators = {
    "if-none-match": request.headers.get("if-none-match") ?? undefined,
    "if-modified-since": request.headers.get("if-modified-since") ?? undefined,
  };
  return fresh(validators, { etag, "last-modified": lastModified.toUTCString() });
}

/** 404 without a version, 304 when the client has this version, else the built body with its validators. */
export async function feedResponse(request: Request, contentType: string, version: FeedVersion | null, build: () => Promise<string | null>): Promise<Response> {
  if (!version) return new Response("No such feed.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const etag = etagOf(version);
  const validators = { etag, "last-modified": version.lastModified.toUTCString(), "cache-control": CACHE_CONTROL };
  if (notModified(request, etag, version.lastModified)) return new Response(null, { status: 304, headers: validators });
  const body = await build();
  if (body === null) return new Response("No such feed.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(body, { headers: { ...validators, "content-type": contentType } });
}
