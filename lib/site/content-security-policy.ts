// The Content-Security-Policy of every HTML page the production server answers (docs/decisions/0010). Scripts run
// only with the page's nonce ('strict-dynamic' lets them load Next's chunks); no plugins; forms post only here
// (and to the sign-in providers' pages); frames only from the two video hosts, and only once a listener presses
// Watch (the frame is not in the page before). Images and audio come from whatever host a show's feed names.
// The edge cache (edge-cache.ts) puts the nonce into the page's <script> and <link> tags as it passes, so pages
// Next caches (ISR) still get one: a fresh one per response for pages nobody shares, one per cached copy (kept
// seconds, EDGE_CACHE_SECONDS) for shared pages, which never reflect what a request carries.
// Relative imports only: the edge cache runs in the launcher, outside Next's path aliases.
import { randomBytes } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { StringDecoder } from "node:string_decoder";

export const VIDEO_FRAME_HOSTS = ["https://www.youtube-nocookie.com", "https://rumble.com"];

export function newNonce(): string {
  return randomBytes(18).toString("base64");
}

/** The policy for one response; an embeddable page (the player at /embed/…) may be framed anywhere. */
export function contentSecurityPolicy(nonce: string, options: { framable: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: http: data: blob:",
    "media-src 'self' https: http: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${VIDEO_FRAME_HOSTS.join(" ")}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self' https://github.com https://accounts.google.com",
    ...(options.framable ? [] : ["frame-ancestors 'none'"]),
  ].join("; ");
}

// Tags that load or run script: every <script>, and <link> (preloads of scripts are checked against script-src).
const TAG = /<(script|link)(?=[\s>/])/gi;

export function injectNonce(html: string, nonce: string): string {
  return html.replace(TAG, (_match, name: string) => `<${name} nonce="${nonce}"`);
}

/**
 * The same for a streamed page: text is held back only when a chunk ends inside what could be the start of a
 * tag, so streaming (Suspense boundaries) still reaches the reader as it comes.
 */
export function nonceInjector(nonce: string): Transform {
  let carry = "";
  // A character split across chunks is decoded whole.
  const decoder = new StringDecoder("utf8");
  const flushable = (text: string): number => {
    const lastOpen = text.lastIndexOf("<");
    // "<script" or "<link" may continue in the next chunk: keep from the last "<" if it is short and unclosed.
    return lastOpen >= 0 && text.length - lastOpen < 8 && !text.slice(lastOpen).includes(">") ? lastOpen : text.length;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      const text = carry + decoder.write(chunk);
      const cut = flushable(text);
      carry = text.slice(cut);
      done(null, Buffer.from(injectNonce(text.slice(0, cut), nonce)));
    },
    flush(done: TransformCallback) {
      done(null, Buffer.from(injectNonce(carry + decoder.end(), nonce)));
    },
  });
}
