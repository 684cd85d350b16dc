// @ts-check
// What the Next cache handler (next-cache-handler.mjs) and the code that invalidates (invalidate.ts) agree on. Plain
// JavaScript: the handler is loaded by Next as it is, outside its bundler.

export const INVALIDATION_CHANNEL = "showfront_cache";

/** Where the cache handler of this process, if it runs one, takes invalidations made here. */
export const LOCAL_INVALIDATION = Symbol.for("showfront.cache.local-invalidation");

// Postgres refuses NOTIFY payloads of 8,000 bytes or more.
const MAX_PAYLOAD_BYTES = 7000;

/**
 * The tags split into messages Postgres accepts.
 * @param {string[]} tags
 * @returns {string[][]}
 */
export function payloadBatches(tags) {
  /** @type {string[][]} */
  const batches = [];
  let size = MAX_PAYLOAD_BYTES;
  for (const tag of tags) {
    const bytes = Buffer.byteLength(tag) + 4;
    if (size + bytes > MAX_PAYLOAD_BYTES) {
      batches.push([]);
      size = 100;
    }
    batches.at(-1)?.push(tag);
    size += bytes;
  }
  return batches;
}

/**
 * A message as sent on the channel; `origin` lets a process skip what it applied already.
 * @param {string} origin
 * @param {string[]} tags
 */
export const invalidationMessage = (origin, tags) => JSON.stringify({ origin, tags });
