// The pages' Content-Security-Policy (docs/decisions/0010, 0012): scripts only with the response's nonce. Cached pages carry a
// secret mark the front replaces per response with a fresh nonce; content carries no mark. Relative imports: the launcher loads it.
import "server-only";
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

/** `body` between its marks: one more stretch than there are marks (views, not copies). */
export function splitAtMarks(body: Buffer, mark: string): Buffer[] {
  const markBytes = Buffer.from(mark);
  const stretches: Buffer[] = [];
  let start = 0;
  for (let found = body.indexOf(markBytes); found !== -1; found = body.indexOf(markBytes, start)) {
    stretches.push(body.subarray(start, found));
    start = found + markBytes.length;
  }
  stretches.push(body.subarray(start));
  return stretches;
}

/** `body` with every occurrence of `mark` replaced by `nonce`. */
export function replaceMark(body: Buffer, mark: string, nonce: string): Buffer {
  const stretches = splitAtMarks(body, mark);
  if (stretches.length === 1) return body;
  const nonceBytes = Buffer.from(nonce);
  return Buffer.concat(stretches.flatMap((stretch, index) => (index === 0 ? [stretch] : [nonceBytes, stretch])));
}

/** The same for a stream: only the last mark.length - 1 bytes of a chunk are held back, so a page still streams. */
export function markReplacer(mark: string, nonce: string): Transform {
  let carry = Buffer.alloc(0);
  const keep = mark.length - 1;
  const replaced = (buffer: Buffer, held: number): Buffer => {
    // Replace in all but the held tail; a mark that ends inside the tail is complete only with the next chunk.
    let end = buffer.length - held;
    const partial = buffer.subarray(Math.max(0, end - keep)).indexOf(mark);
    if (partial !== -1) end = Math.max(0, end - keep) + partial + mark.length;
    carry = Buffer.from(buffer.subarray(Math.max(end, 0)));
    return replaceMark(buffer.subarray(0, Math.max(end, 0)), mark, nonce);
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      done(null, replaced(Buffer.concat([carry, chunk]), keep));
    },
    flush(done: TransformCallback) {
      done(null, replaced(carry, 0));
    },
  });
}
