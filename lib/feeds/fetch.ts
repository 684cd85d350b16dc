// Fetching a feed carefully: conditional requests, a size cap and deadline that tear the socket down, redirects
// re-checked at every hop, public addresses only. rss-parser only parses the text this returns.
import "server-only";
import { createHash } from "node:crypto";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { pipeline } from "node:stream/promises";
import { Writable, type Readable } from "node:stream";
import zlib from "node:zlib";
import { getEnv } from "@/lib/env";
import { BlockedAddressError, guardedLookup, isPublicAddress } from "./address-policy";

export const FEED_FETCH_DEFAULTS = {
  maxBytes: 64 * 1024 * 1024,
  timeoutMs: 30_000,
  maxRedirects: 5,
} as const;

const USER_AGENT = "Showfront/0.1 (podcast website; feed sync; +https://github.com/showfront)";
const ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

export type FeedFetchErrorCode = "bad-url" | "blocked-address" | "too-large" | "timeout" | "http-status" | "too-many-redirects" | "network";

export class FeedFetchError extends Error {
  override name = "FeedFetchError";
  constructor(
    readonly code: FeedFetchErrorCode,
    message: string,
    readonly httpStatus?: number,
    /** What went wrong below HTTP (ENOTFOUND, ECONNREFUSED…), for messages about other services than feeds. */
    readonly reason?: string,
  ) {
    super(message);
  }
}

export interface FetchFeedOptions {
  etag?: string | null;
  lastModified?: string | null;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Defaults to FEEDS_ALLOW_PRIVATE_HOSTS: only for development and the tests' local feed server. */
  allowPrivateHosts?: boolean;
  /** Extra request headers (an API's Authorization). */
  headers?: Record<string, string>;
}

export type FetchFeedResult =
  | { status: "not-modified"; url: string; httpStatus: 304 }
  | {
      status: "fetched";
      url: string;
      httpStatus: number;
      body: Buffer;
      /** SHA-256 of the body, taken before anything else may consume it. */
      contentHash: string;
      contentType?: string;
      etag?: string;
      lastModified?: string;
    };

function parseFeedUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new FeedFetchError("bad-url", `"${raw}" is not a URL`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new FeedFetchError("bad-url", `${url.protocol} URLs are not fetched; use http or https`);
  if (url.username || url.password) throw new FeedFetchError("bad-url", "feed URLs with a user name or password are not fetched");
  return url;
}

function decompressor(encoding: string | undefined): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  switch (encoding?.trim().toLowerCase()) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip();
    case "deflate":
      return zlib.createInflate();
    case "br":
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

interface Hop {
  url: URL;
  response: http.IncomingMessage;
  request: http.ClientRequest;
}

function requestOnce(url: URL, headers: Record<string, string>, allowPrivate: boolean, signal: AbortSignal): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const literal = url.hostname.replace(/^\[|\]$/g, "");
    if (net.isIP(literal) && !allowPrivate && !isPublicAddress(literal)) {
      reject(new FeedFetchError("blocked-address", new BlockedAddressError(url.hostname, literal).message));
      return;
    }
    const client = url.protocol === "https:" ? https : http;
    // agent: false gives every hop a fresh connection, so each one passes the address check below.
    const request = client.request(url, { method: "GET", headers, agent: false, lookup: guardedLookup(allowPrivate), signal });
    // The last word: whatever resolved, the socket must be connected to an allowed address.
    request.on("socket", (socket) => {
      socket.once("connect", () => {
        const remote = socket.remoteAddress ?? "";
        if (!allowPrivate && !isPublicAddress(remote)) {
          request.destroy(new FeedFetchError("blocked-address", new BlockedAddressError(url.hostname, remote).message));
        }
      });
    });
    request.on("response", (response) => resolve({ url, response, request }));
    request.on("error", reject);
    request.end();
  });
}

async function readBody(hop: Hop, maxBytes: number): Promise<Buffer> {
  const declared = Number(hop.response.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBytes) {
    hop.request.destroy();
    throw new FeedFetchError("too-large", `the feed is ${declared} bytes; the limit is ${maxBytes}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > maxBytes) return done(new FeedFetchError("too-large", `the feed is larger than the limit of ${maxBytes} bytes`));
      chunks.push(chunk);
      done();
    },
  });
  const unzip = decompressor(hop.response.headers["content-encoding"]);
  const stages: (Readable | Writable | zlib.Gunzip)[] = unzip ? [hop.response, unzip, collect] : [hop.response, collect];
  try {
    await pipeline(stages as [Readable, ...Writable[]]);
  } catch (error) {
    hop.request.destroy();
    throw error;
  }
  return Buffer.concat(chunks, size);
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function fetchFeed(rawUrl: string, options: FetchFeedOptions = {}): Promise<FetchFeedResult> {
  const maxBytes = options.maxBytes ?? FEED_FETCH_DEFAULTS.maxBytes;
  const maxRedirects = options.maxRedirects ?? FEED_FETCH_DEFAULTS.maxRedirects;
  const allowPrivate = options.allowPrivateHosts ?? getEnv().FEEDS_ALLOW_PRIVATE_HOSTS;
  const headers: Record<string, string> = { "user-agent": USER_AGENT, accept: ACCEPT, "accept-encoding": "gzip, deflate, br", ...options.headers };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;

  const timeoutMs = options.timeoutMs ?? FEED_FETCH_DEFAULTS.timeoutMs;
  const deadline = AbortSignal.timeout(timeoutMs);
  try {
    let url = parseFeedUrl(rawUrl);
    for (let redirects = 0; ; redirects += 1) {
      const hop = await requestOnce(url, headers, allowPrivate, deadline);
      const status = hop.response.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        hop.response.resume();
        const location = hop.response.headers.location;
        if (!location) throw new FeedFetchError("http-status", `HTTP ${status} without a Location header`, status);
        if (redirects >= maxRedirects) throw new FeedFetchError("too-many-redirects", `more than ${maxRedirects} redirects`, status);
        url = parseFeedUrl(location, url.toString());
        continue;
      }
      if (status === 304) {
        hop.response.resume();
        return { status: "not-modified", url: url.toString(), httpStatus: 304 };
      }
      if (status < 200 || status >= 300) {
        hop.response.resume();
        throw new FeedFetchError("http-status", `the server answered HTTP ${status}`, status);
      }
      const body = await readBody(hop, maxBytes);
      const header = (name: string) => {
        const value = hop.response.headers[name];
        return (Array.isArray(value) ? value[0] : value) || undefined;
      };
      return {
        status: "fetched",
        url: url.toString(),
        httpStatus: status,
        body,
        contentHash: createHash("sha256").update(body).digest("hex"),
        contentType: header("content-type"),
        etag: header("etag"),
        lastModified: header("last-modified"),
      };
    }
  } catch (error) {
    if (error instanceof FeedFetchError) throw error;
    if (deadline.aborted) throw new FeedFetchError("timeout", `no complete answer within ${timeoutMs} ms`);
    if (error instanceof BlockedAddressError) throw new FeedFetchError("blocked-address", error.message);
    const cause = error as NodeJS.ErrnoException;
    throw new FeedFetchError("network", `could not fetch the feed: ${cause.code ?? cause.message}`, undefined, cause.code ?? cause.message);
  }
}
