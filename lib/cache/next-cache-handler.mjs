// @ts-check
// Next's server cache (docs/decisions/0012): a bounded LRU invalidated by tag on every instance through Postgres
// LISTEN/NOTIFY; after a lost connection, all cached before it is dropped. Plain JavaScript: Next loads it as it is.
import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import pg from "pg";
import { INVALIDATION_CHANNEL, invalidationMessage, LOCAL_INVALIDATION, payloadBatches } from "./invalidation-channel.mjs";

const TAGS_HEADER = "x-next-cache-tags";
const MAX_BYTES = 256 * 1024 * 1024;
// Invalidation times are kept per tag; past this many tags they are forgotten together with everything cached.
const MAX_TAGS = 50_000;
const RECONNECT_MS = 1000;
const ORIGIN = randomUUID();

/** @typedef {{ value: any, lastModified: number, cacheControl?: unknown, tags: string[] }} Stored */

/** @type {LRUCache<string, Stored>} */
const entries = new LRUCache({ maxSize: MAX_BYTES, sizeCalculation: (stored, key) => Math.max(1, key.length + sizeOf(stored.value)) });
/** When each tag was last invalidated (ms since the epoch). */
const invalidatedAt = new Map();
/** Entries stored before this time are dropped (the listener reconnected and may have missed messages). */
let everythingBefore = 0;

/** @param {any} value */
function sizeOf(value) {
  if (!value) return 25;
  const bytes = (/** @type {any} */ part) => (part ? (typeof part === "string" ? part.length : (part.byteLength ?? JSON.stringify(part).length)) : 0);
  if (value.kind === "FETCH") return JSON.stringify(value.data ?? "").length;
  if (value.kind === "APP_ROUTE") return bytes(value.body);
  let size = bytes(value.html) + bytes(value.rscData) + bytes(value.postponed);
  if (value.segmentData instanceof Map) for (const [path, buffer] of value.segmentData) size += path.length + bytes(buffer);
  return size;
}

/** @param {string[]} tags @param {number} at */
function markInvalidated(tags, at) {
  if (invalidatedAt.size + tags.length > MAX_TAGS) dropEverything(at);
  for (const tag of tags) invalidatedAt.set(tag, Math.max(at, invalidatedAt.get(tag) ?? 0));
}

/** @param {number} at */
function dropEverything(at) {
  everythingBefore = at;
  entries.clear();
  invalidatedAt.clear();
}

// Changes made in this process (lib/cache/invalidate.ts) apply here at once; the listener then skips their echo.
/** @type {any} */ (globalThis)[LOCAL_INVALIDATION] = { origin: ORIGIN, invalidate: (/** @type {string[]} */ tags) => markInvalidated(tags, Date.now()) };

/** @param {Stored} stored @param {string[]} softTags */
function isCurrent(stored, softTags) {
  if (stored.lastModified < everythingBefore) return false;
  for (const tag of [...stored.tags, ...softTags]) if ((invalidatedAt.get(tag) ?? 0) >= stored.lastModified) return false;
  return true;
}

// One connection per process listens, and announces this process's own invalidations.
/** @type {pg.Client | undefined} */
let listener;
/** @type {Promise<pg.Client | undefined> | undefined} */
let connecting;
let everConnected = false;
let stopped = false;

function listening() {
  const url = process.env.DATABASE_URL;
  // `next build` renders nothing that needs the database and must be able to exit.
  if (!url || stopped || process.env.NEXT_PHASE === "phase-production-build") return Promise.resolve(undefined);
  connecting ??= connect(url);
  return connecting;
}

/** @param {string} url @returns {Promise<pg.Client | undefined>} */
async function connect(url) {
  const client = new pg.Client({ connectionString: url, application_name: "showfront-cache" });
  client.on("notification", (message) => {
    if (message.channel !== INVALIDATION_CHANNEL || !message.payload) return;
    try {
      const { origin, tags } = JSON.parse(message.payload);
      if (origin !== ORIGIN && Array.isArray(tags))
        markInvalidated(
          tags.filter((tag) => typeof tag === "string"),
          Date.now(),
        );
    } catch {
      // Not one of ours: nothing to invalidate.
    }
  });
  const reconnect = () => {
    if (listener !== client) return;
    listener = undefined;
    connecting = undefined;
    setTimeout(() => void listening(), RECONNECT_MS).unref();
  };
  client.on("error", (error) => {
    if (stopped) return;
    console.warn(`[showfront] cache invalidation listener lost its connection (${error.message}); reconnecting`);
    client.end().catch(() => {});
    reconnect();
  });
  client.on("end", reconnect);
  try {
    await client.connect();
    // The listener never keeps a process alive by itself (a CLI, a test): the server has its own reasons to run.
    /** @type {{ connection?: { stream?: { unref?: () => void } } }} */ (/** @type {unknown} */ (client)).connection?.stream?.unref?.();
    await client.query(`LISTEN ${INVALIDATION_CHANNEL}`);
  } catch (error) {
    console.warn(`[showfront] cache invalidation listener could not connect (${/** @type {Error} */ (error).message}); retrying`);
    client.end().catch(() => {});
    connecting = undefined;
    setTimeout(() => void listening(), RECONNECT_MS).unref();
    return undefined;
  }
  // Messages sent while no connection listened are lost: what was cached before may be stale.
  if (everConnected) dropEverything(Date.now());
  everConnected = true;
  listener = client;
  return client;
}

/** @param {string[]} tags */
async function announce(tags) {
  const client = await listening();
  if (!client) return;
  for (const batch of payloadBatches(tags)) {
    await client.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, invalidationMessage(ORIGIN, batch)]).catch((error) => {
      console.warn(`[showfront] could not announce cache invalidation (${error.message}); other instances refresh when their pages expire`);
    });
  }
}

/** Ends the listening connection for good (a process that is stopping). */
export async function stopListening() {
  stopped = true;
  const client = listener ?? (await connecting);
  listener = undefined;
  await client?.end().catch(() => {});
}

export default class ShowfrontCacheHandler {
  /** @param {unknown} _options */
  constructor(_options) {
    void listening();
  }

  /** @param {string} key @param {{ kind?: string, tags?: string[], softTags?: string[] }} ctx */
  async get(key, ctx = {}) {
    const stored = entries.get(key);
    if (!stored) return null;
    if (!isCurrent(stored, ctx.softTags ?? [])) {
      entries.delete(key);
      return null;
    }
    return { value: stored.value, lastModified: stored.lastModified, cacheControl: stored.cacheControl };
  }

  /** @param {string} key @param {any} data @param {{ tags?: string[], fetchCache?: boolean, cacheControl?: unknown }} ctx */
  async set(key, data, ctx = {}) {
    const header = data?.headers?.[TAGS_HEADER];
    const tags = [...(ctx.tags ?? []), ...(typeof header === "string" ? header.split(",") : [])];
    entries.set(key, { value: data, lastModified: Date.now(), cacheControl: ctx.fetchCache ? undefined : ctx.cacheControl, tags });
  }

  /** @param {string | string[]} tags */
  async revalidateTag(tags) {
    const list = typeof tags === "string" ? [tags] : tags;
    if (list.length === 0) return;
    markInvalidated(list, Date.now());
    await announce(list);
  }

  resetRequestCache() {}
}
