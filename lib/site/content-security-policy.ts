// The Content-Security-Policy of every HTML page (docs/decisions/0010, 0012). Scripts run only with the response's
// nonce ('strict-dynamic' lets them load Next's chunks); no plugins; forms post only here (and to the sign-in
// providers' pages); frames only from the two video hosts, and only once a listener presses Watch. Images and audio
// come from whatever host a show's feed names.
//
// Pages are cached and shared (lib/cache), so the nonce cannot be known when a page is rendered. Next stamps its own
// <script> and <link> tags with a secret mark instead (CSP_NONCE_MARK, handed to it by proxy.ts), and the front
// replaces the mark with a fresh nonce in every response: the built-in front (edge-cache.ts) or nginx
// (deploy/nginx.conf, sub_filter with $request_id). A tag that arrives through content carries no mark, so it never
// gets the nonce. Under `next dev` there is no front: proxy.ts gives each request a nonce of its own.
// Relative imports only: the edge cache runs in the launcher, outside Next's path aliases.
import { randomBytes } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";

export const VIDEO_FRAME_HOSTS = ["https://www.youtube-nocookie.com", "https://rumble.com"];

export function newNonce(): string {
  return randomBytes(18).toString("base64");
}

/** A mark for one launch or one deployment: letters and digits only, so it passes through HTML and JSON unescaped. */
export function newNonceMark(): string {
  return `sfnonce${randomBytes(24).toString("hex")}`;
}

export interface PolicyOptions {
  /** An embeddable page (the player at /embed/…) may be framed anywhere. */
  framable: boolean;
  /** What `next dev` needs besides: eval for React's debugging, its hot-reload socket. */
  development?: boolean;
}

/** The policy for one response. */
export function contentSecurityPolicy(nonce: string, options: PolicyOptions): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: http: data: blob:",
    "media-src 'self' https: http: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${options.development ? " ws: wss:" : ""}`,
    `frame-src ${VIDEO_FRAME_HOSTS.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://github.com https://accounts.google.com",
    ...(options.framable ? [] : ["frame-ancestors 'none'"]),
  ].join("; ");
}

export const isFramable = (path: string) => path.startsWith("/embed/");

/**
 * Replaces every occurrence of `mark` in a streamed body with `nonce` (the same length is not required). Only the
 * last mark.length - 1 characters of a chunk are held back, so a streamed page still reaches the reader as it comes.
 */
export function markReplacer(mark: string, nonce: string): Transform {
  const markBytes = Buffer.from(mark);
  const nonceBytes = Buffer.from(nonce);
  let carry = Buffer.alloc(0);
  const replaceIn = (buffer: Buffer, keep: number): Buffer => {
    const parts: Buffer[] = [];
    let start = 0;
    for (let found = buffer.indexOf(markBytes); found !== -1; found = buffer.indexOf(markBytes, start)) {
      parts.push(buffer.subarray(start, found), nonceBytes);
      start = found + markBytes.length;
    }
    const end = Math.max(start, buffer.length - keep);
    parts.push(buffer.subarray(start, end));
    carry = Buffer.from(buffer.subarray(end));
    return Buffer.concat(parts);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      done(null, replaceIn(Buffer.concat([carry, chunk]), markBytes.length - 1));
    },
    flush(done: TransformCallback) {
      done(null, replaceIn(carry, 0));
    },
  });
}
