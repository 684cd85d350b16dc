// A small shared cache in front of the production Next.js server, as a CDN edge would be: when an episode drops
// and its audience arrives at once, cached pages are answered from memory without entering Next at all (on the
// 2-core reference machine: ~1,000 requests/s through Next, several thousand from here; docs/BENCHMARKS.md).
//
// It caches only what Next itself marks as shareable (`s-maxage`, no Set-Cookie), for at most a few seconds, so
// the cached pages Next already revalidates (ISR) stay the single source of truth; personal pages (no-store) and
// client-side navigations (RSC requests) always go through. An admin's change (a POST under /admin) empties it; a
// POST to a page (a reader's comment) drops that page.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PassThrough, pipeline, type Transform } from "node:stream";
import zlib from "node:zlib";
import { ifNoneMatchHas } from "@/lib/if-none-match";
import { requestIdFrom } from "@/lib/log";
import { contentSecurityPolicy, injectNonce, newNonce, nonceInjector } from "./content-security-policy";

export interface EdgeCacheOptions {
  /** Where Next listens (loopback): one or more processes of the same build, each request sent to the least busy. */
  upstreams: Upstream[];
  port: number;
  host?: string;
  /** The longest a response is kept, whatever its s-maxage. 0 turns caching off (the proxy stays). */
  maxAgeSeconds: number;
  /** Memory the cached bodies may use in all. */
  maxBytes?: number;
  /** Larger responses are passed through, never kept. */
  maxEntryBytes?: number;
  /** Give every HTML page a Content-Security-Policy with a nonce (content-security-policy.ts). */
  contentSecurityPolicy?: boolean;
  /**
   * Proxies in front of this one (TRUSTED_PROXY_HOPS): only then are the X-Forwarded-Host and -Proto a request
   * brings passed on; otherwise they are the client's own words and are replaced by what this edge saw.
   */
  trustedProxyHops?: number;
  /** Called once per request when its answer is finished (or the client left). */
  onRequest?: (record: RequestRecord) => void;
}

interface Upstream {
  host: string;
  port: number;
}

export interface RequestRecord {
  requestId: string;
  method: string;
  path: string;
  status: number;
  ms: number;
  cache: string;
  /** The client went away before the answer was complete. */
  aborted: boolean;
}

interface Entry {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
  storedAt: number;
  expiresAt: number;
  /** Until then an expired entry is still answered while a fresh one is fetched (stale-while-revalidate). */
  staleUntil: number;
}

// Requests Next answers differently from a page load: React Server Component payloads for client navigation,
// prefetches and server actions. Their responses say `Vary` on these; here they are simply never cached.
const BYPASS_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "authorization"];
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"]);
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024;
// However long upstream allows stale answers, an entry is never answered more than this long after it expired.
const MAX_STALE_SECONDS = 60;

// A page Next renders per request (and so marks private, no-store) may still be the same for every reader, as a
// search page is: CDN-Cache-Control (RFC 9213), which Next leaves alone, says how long shared caches may keep it, and
// takes the place of Cache-Control for them. Browsers ignore it.
function sharedLifetime(headers: http.IncomingHttpHeaders): { maxAge: number; staleWhileRevalidate: number } | undefined {
  const targeted = headers["cdn-cache-control"];
  const control = (typeof targeted === "string" ? targeted : headers["cache-control"]) ?? "";
  if (/\b(private|no-store|no-cache)\b/i.test(control) || headers["set-cookie"]) return undefined;
  const maxAge = typeof targeted === "string" ? /\b(?:s-maxage|max-age)=(\d+)/i.exec(control) : /\bs-maxage=(\d+)/i.exec(control);
  if (!maxAge || Number(maxAge[1]) === 0) return undefined;
  return { maxAge: Number(maxAge[1]), staleWhileRevalidate: Number(/\bstale-while-revalidate=(\d+)/i.exec(control)?.[1] ?? 0) };
}

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

// The encodings Next answers with, each with its way back and forth; a page in any other is passed on untouched.
const CODECS: Record<string, { decode: () => Transform; encode: () => Transform; decodeSync: (body: Buffer) => Buffer; encodeSync: (body: Buffer) => Buffer }> = {
  identity: { decode: () => new PassThrough(), encode: () => new PassThrough(), decodeSync: (body) => body, encodeSync: (body) => body },
  // Flushed at every chunk, so a streamed page still reaches the reader piece by piece.
  gzip: { decode: () => zlib.createGunzip(), encode: () => zlib.createGzip({ flush: zlib.constants.Z_SYNC_FLUSH }), decodeSync: (body) => zlib.gunzipSync(body), encodeSync: (body) => zlib.gzipSync(body) },
  br: {
    decode: () => zlib.createBrotliDecompress(),
    encode: () => zlib.createBrotliCompress({ flush: zlib.constants.BROTLI_OPERATION_FLUSH }),
    decodeSync: (body) => zlib.brotliDecompressSync(body),
    encodeSync: (body) => zlib.brotliCompressSync(body),
  },
};

/** The codec of an HTML response the policy can be given to, or undefined (not HTML, or an unknown encoding). */
function htmlCodec(headers: http.IncomingHttpHeaders) {
  if (!/^text\/html\b/i.test(headers["content-type"] ?? "")) return undefined;
  return CODECS[(headers["content-encoding"] ?? "identity").trim().toLowerCase()];
}

export interface EdgeCache {
  port: number;
  /** Stops taking connections, lets the answers in flight finish (up to graceMs), then closes. */
  close(graceMs?: number): Promise<void>;
  /** How many cached responses it holds (for tests and logs). */
  size(): number;
}

export async function startEdgeCache(options: EdgeCacheOptions): Promise<EdgeCache> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxEntryBytes = options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
  const entries = new Map<string, Entry>();
  // Misses for the same page that arrive together wait for one upstream answer instead of each asking Next.
  const inFlight = new Map<string, Promise<Entry | undefined>>();
  let bytes = 0;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  // Requests each Next process is answering now. Each renders on a single thread, so a request goes to the one with
  // the fewest. Ties are broken by kind: page loads prefer the first process and form posts the last, so that a
  // reader's comment or sign-up does not wait behind a page render of tens of milliseconds when another process is
  // only finishing a post.
  const busy = options.upstreams.map(() => 0);
  const leastBusy = (method: string) => {
    const order = busy.map((_, index) => (method === "GET" || method === "HEAD" ? index : busy.length - 1 - index));
    return order.reduce((chosen, index) => (busy[index]! < busy[chosen]! ? index : chosen), order[0]!);
  };

  const forget = (key: string) => {
    const entry = entries.get(key);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(key);
  };
  const remember = (key: string, entry: Entry) => {
    forget(key);
    entries.set(key, entry);
    bytes += entry.body.length;
    // A Map keeps insertion order: the first keys are the least recently stored.
    for (const oldest of entries.keys()) {
      if (bytes <= maxBytes) break;
      forget(oldest);
    }
  };

  const send = (request: http.IncomingMessage, response: http.ServerResponse, entry: Entry, state: "HIT" | "STALE" | "MISS") => {
    const etag = entry.headers.etag;
    // A client (a podcast app polling a feed) that has this version gets 304, as it would from the server itself.
    if (entry.status === 200 && typeof etag === "string" && ifNoneMatchHas(request.headers["if-none-match"], etag)) {
      response.writeHead(304, { etag, ...(entry.headers["cache-control"] && { "cache-control": entry.headers["cache-control"] }), ...(entry.headers["last-modified"] && { "last-modified": entry.headers["last-modified"] }), "x-showfront-cache": state });
      response.end();
      return;
    }
    const method = request.method ?? "GET";
    response.writeHead(entry.status, {
      ...entry.headers,
      "content-length": entry.body.length,
      age: String(Math.floor((Date.now() - entry.storedAt) / 1000)),
      "x-showfront-cache": state,
    });
    response.end(method === "HEAD" ? undefined : entry.body);
  };

  const trusted = (options.trustedProxyHops ?? 0) > 0;
  const forwardedHeaders = (request: http.IncomingMessage): http.OutgoingHttpHeaders => {
    const remote = request.socket.remoteAddress ?? "";
    const previous = request.headers["x-forwarded-for"];
    return {
      ...endToEnd(request.headers),
      host: request.headers.host ?? `${options.upstreams[0]!.host}:${options.upstreams[0]!.port}`,
      "x-forwarded-for": previous ? `${previous}, ${remote}` : remote,
      "x-forwarded-proto": (trusted && request.headers["x-forwarded-proto"]) || "http",
      "x-forwarded-host": (trusted && request.headers["x-forwarded-host"]) || request.headers.host || "",
    };
  };

  /** Sends the request to Next; a cacheable answer is buffered and stored, anything else streams straight back. */
  const forward = (request: http.IncomingMessage, response: http.ServerResponse | undefined, key: string | undefined) =>
    new Promise<Entry | undefined>((settle) => {
      const chosen = leastBusy(request.method ?? "GET");
      busy[chosen] = busy[chosen]! + 1;
      let settled = false;
      const resolve = (entry: Entry | undefined) => {
        if (!settled) busy[chosen] = busy[chosen]! - 1;
        settled = true;
        settle(entry);
      };
      const upstreamRequest = http.request(
        { ...options.upstreams[chosen]!, agent, method: request.method, path: request.url, headers: forwardedHeaders(request) },
        (upstream) => {
          const lifetime = key && options.maxAgeSeconds > 0 ? sharedLifetime(upstream.headers) : undefined;
          const length = Number(upstream.headers["content-length"] ?? 0);
          const codec = options.contentSecurityPolicy ? htmlCodec(upstream.headers) : undefined;
          const framable = request.url?.startsWith("/embed/") ?? false;
          if (!lifetime || length > maxEntryBytes || upstream.statusCode === undefined) {
            if (response && codec) {
              const nonce = newNonce();
              const { "content-length": _length, ...headers } = endToEnd(upstream.headers);
              response.writeHead(upstream.statusCode ?? 502, { ...headers, "content-security-policy": contentSecurityPolicy(nonce, { framable }) });
              pipeline(upstream, codec.decode(), nonceInjector(nonce), codec.encode(), response, () => resolve(undefined));
              return;
            }
            response?.writeHead(upstream.statusCode ?? 502, endToEnd(upstream.headers));
            if (response) upstream.pipe(response);
            else upstream.resume();
            upstream.on("end", () => resolve(undefined));
            upstream.on("error", () => resolve(undefined));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          upstream.on("data", (chunk: Buffer) => {
            size += chunk.length;
            chunks.push(chunk);
          });
          upstream.on("error", () => {
            if (response && !response.headersSent) response.writeHead(502).end();
            resolve(undefined);
          });
          upstream.on("end", () => {
            const now = Date.now();
            // Up to a tenth longer, at random: pages cached together do not all expire in the same instant.
            const expiresAt = now + Math.min(lifetime.maxAge, options.maxAgeSeconds) * 1000 * (1 + Math.random() / 10);
            let body: Buffer = Buffer.concat(chunks, size);
            let headers = endToEnd(upstream.headers);
            // A shared page gets its nonce once per cached copy: it is the same page for everyone it is sent to.
            if (codec) {
              const nonce = newNonce();
              body = codec.encodeSync(Buffer.from(injectNonce(codec.decodeSync(body).toString("utf8"), nonce)));
              headers = { ...headers, "content-security-policy": contentSecurityPolicy(nonce, { framable }) };
            }
            const entry: Entry = {
              status: upstream.statusCode!,
              headers,
              body,
              storedAt: now,
              expiresAt,
              staleUntil: expiresAt + Math.min(lifetime.staleWhileRevalidate, MAX_STALE_SECONDS) * 1000,
            };
            if (body.length <= maxEntryBytes) remember(key!, entry);
            if (response) send(request, response, entry, "MISS");
            resolve(entry);
          });
        },
      );
      // A reader who leaves before the answer is complete: the upstream request is dropped and counted as done,
      // or the next request for the same address (waiting on this one) would wait forever.
      response?.on("close", () => {
        if (response.writableFinished) return;
        upstreamRequest.destroy();
        resolve(undefined);
      });
      upstreamRequest.on("error", () => {
        if (response && !response.headersSent) {
          response.writeHead(502, { "content-type": "text/plain; charset=utf-8" }).end("The site is starting or restarting; try again in a moment.\n");
        }
        resolve(undefined);
      });
      // A GET or HEAD has no body; ending it here also lets a background refresh reuse the request it came with.
      if (request.method === "GET" || request.method === "HEAD") upstreamRequest.end();
      else request.pipe(upstreamRequest);
    });

  const server = http.createServer((request, response) => {
    const method = request.method ?? "GET";
    // Every request has an id: the one a proxy in front gave it, or a new one; Next and the client see it too.
    const requestId = requestIdFrom(request.headers["x-request-id"]) ?? randomUUID();
    request.headers["x-request-id"] = requestId;
    response.setHeader("x-request-id", requestId);
    if (options.onRequest) {
      const started = performance.now();
      response.on("close", () =>
        options.onRequest!({
          requestId,
          method,
          path: request.url ?? "",
          status: response.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          cache: String(response.getHeader("x-showfront-cache") ?? "PASS"),
          aborted: !response.writableFinished,
        }),
      );
    }
    // The Next processes' word to each other (lib/site/revalidate.ts) travels on loopback, never through here.
    if (request.url?.startsWith("/api/internal/")) return void response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found\n");
    const cacheable = (method === "GET" || method === "HEAD") && !BYPASS_HEADERS.some((name) => request.headers[name] !== undefined);
    if (!cacheable) {
      // An admin's change (feeds added, links decided) shows at once: the cached pages it touches are dropped.
      if (method === "POST" && request.url?.startsWith("/admin")) {
        entries.clear();
        bytes = 0;
      } else if (method === "POST" && request.url) {
        // A reader's post on a page (a comment) shows on their next visit: that page's copies are dropped.
        for (const [key, entry] of entries) {
          if (key.startsWith(`${request.url}\n`)) {
            entries.delete(key);
            bytes -= entry.body.length;
          }
        }
      }
      void forward(request, response, undefined);
      return;
    }
    // Next compresses by Accept-Encoding, so each encoding is its own entry.
    const key = `${request.url}\n${/\bgzip\b/i.test(request.headers["accept-encoding"] ?? "") ? "gzip" : "identity"}`;
    const entry = entries.get(key);
    const now = Date.now();
    if (entry && entry.expiresAt > now) return send(request, response, entry, "HIT");
    const pending = inFlight.get(key);
    if (entry && entry.staleUntil > now) {
      // Answer at once with the expired copy and fetch a fresh one in the background, one fetch per page.
      send(request, response, entry, "STALE");
      if (!pending && method === "GET") inFlight.set(key, forward(request, undefined, key).finally(() => inFlight.delete(key)));
      return;
    }
    if (pending) {
      void pending.then((shared) => {
        if (shared) send(request, response, shared, "HIT");
        else void forward(request, response, undefined);
      });
      return;
    }
    // A HEAD answer has no body to keep: it is answered from the cache when it can be, never stored.
    if (method === "HEAD") return void forward(request, response, undefined);
    const fetching = forward(request, response, key).finally(() => inFlight.delete(key));
    inFlight.set(key, fetching);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    size: () => entries.size,
    close: (graceMs = 0) =>
      new Promise<void>((resolve) => {
        // New connections are refused at once; answers in flight are finished, for up to graceMs.
        const deadline = setTimeout(() => server.closeAllConnections(), graceMs).unref();
        server.close(() => {
          clearTimeout(deadline);
          agent.destroy();
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
