// The built-in front of `npm start` (docs/decisions/0012): a micro-cache before Next, as nginx is. The app's headers
// say what may be kept; each response gets its own nonce and encoding.
import "server-only";
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { pipeline, Readable, type Transform } from "node:stream";
import zlib from "node:zlib";
import fresh from "fresh";
import CachePolicy from "http-cache-semantics";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";
import { logger, requestIdFrom } from "../log";
import { contentSecurityPolicy, isFramable, markReplacer, newNonce, replaceMark } from "@/lib/security/content-security-policy";
import { splice, spliceable, type SplicedGzip } from "./spliced-gzip";

export interface EdgeCacheOptions {
  /** Where Next listens (loopback): one or more processes of the same build, each request sent to the least busy. */
  upstreams: Upstream[];
  port: number;
  host?: string;
  /** The longest a response is kept, whatever the app allows. 0 turns caching off (the proxy stays). */
  maxAgeSeconds: number;
  /** Memory the cached bodies may use in all. */
  maxBytes?: number;
  /** Larger responses are passed through, never kept. */
  maxEntryBytes?: number;
  /** The mark Next stamps on its own scripts (CSP_NONCE_MARK): replaced by a fresh nonce in every response. */
  nonceMark?: string;
  /** Proxies in front (TRUSTED_PROXY_HOPS): only then are a request's X-Forwarded-Host and -Proto passed on. */
  trustedProxyHops?: number;
  /** Posts answered here with the handler Next also mounts at that path (the analytics beacon), body up to the limit. */
  answerHere?: Map<string, (request: Request) => Promise<Response>>;
  /** Called once per request when its answer is finished (or the client left). */
  onRequest?: (record: RequestRecord) => void;
  /** How long a client may take to send its headers, and a form its body (tests shorten them). */
  timeouts?: { headersMs: number; bodyMs: number };
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

interface Variant {
  policy: CachePolicy;
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  storedAt: number;
  /** Compressed copies of a body that carries no nonce, made once. */
  encoded: Map<string, Buffer>;
  /** A body with nonce marks, compressed once for every reader's nonce to be spliced in (spliced-gzip.ts). */
  spliceable?: SplicedGzip;
}

// Client-side navigations and prefetches (React Server Component payloads) always reach Next, whose own cache answers
// them: a front that kept them would depend on every such response's Vary being right.
const BYPASS_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "authorization"];
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "upgrade", "proxy-connection", "te", "trailer"]);
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_ENTRY_BYTES = 1024 * 1024;
// While one request fetches a fresh copy of an expired page, the others arriving meanwhile are answered the expired
// one, if it expired at most this long ago: a page is never more than a moment older than its lifetime.
const MAX_STALE_MS = 1000;
// A slow client is dropped, and the others served: headers within HEADERS_TIMEOUT_MS, a body within BODY_TIMEOUT_MS.
// The WordPress export upload (hundreds of MB) instead must keep up MIN_UPLOAD_BYTES_PER_WINDOW.
const HEADERS_TIMEOUT_MS = 15_000;
const BODY_TIMEOUT_MS = 30_000;
const UPLOAD_PATH = "/admin/stories/import/upload";
const UPLOAD_WINDOW_MS = 30_000;
const MIN_UPLOAD_BYTES_PER_WINDOW = 256 * 1024;
const IDLE_UPSTREAM_SOCKET_MS = 4_000;
const ANSWERED_HERE_MAX_BYTES = 64 * 1024;
// A kept page with a nonce is gzipped once and each nonce spliced in; a streamed one is compressed as it passes, at
// the fastest settings (57 KB: brotli 1 in 0.1 ms, gzip 1 in 0.5 ms); a copy without a nonce once, well.
const MIN_COMPRESS_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|rss\+xml|atom\+xml|feed\+json|manifest\+json)|image\/svg\+xml)/i;
const WITH_NONCE = /^text\/(html|x-component)\b/i;
const ENCODINGS = ["br", "gzip", "identity"];
const ENCODINGS_WITH_NONCE = ["gzip", "br", "identity"];
const BROTLI_FAST = { [zlib.constants.BROTLI_PARAM_QUALITY]: 1 };
const CODECS: Record<string, () => Transform> = {
  br: () => zlib.createBrotliCompress({ params: BROTLI_FAST, flush: zlib.constants.BROTLI_OPERATION_FLUSH }),
  gzip: () => zlib.createGzip({ level: 1, flush: zlib.constants.Z_SYNC_FLUSH }),
};
const COMPRESS_FAST: Record<string, (body: Buffer) => Buffer> = {
  // Told the size, brotli picks its smallest window and tables: about four times faster on a page.
  br: (body) => zlib.brotliCompressSync(body, { params: { ...BROTLI_FAST, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => zlib.gzipSync(body, { level: 1 }),
};
const COMPRESS_ONCE: Record<string, (body: Buffer) => Buffer> = {
  br: (body) => zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
  gzip: (body) => zlib.gzipSync(body, { level: 9 }),
};

function endToEnd(headers: http.IncomingHttpHeaders): http.OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => !HOP_BY_HOP.has(name)));
}

/** The request as the cache judges it: a client's no-cache is not followed (as nginx and CDNs), or anyone could reach Next. */
function asCacheRequest(request: http.IncomingMessage): CachePolicy.Request {
  const { "cache-control": _control, pragma: _pragma, ...headers } = request.headers;
  return { method: "GET", url: request.url ?? "/", headers };
}

/** A shared cache that honours CDN-Cache-Control uses it in place of Cache-Control (RFC 9213). */
function asCacheResponse(status: number, headers: http.IncomingHttpHeaders): CachePolicy.Response {
  const { "cdn-cache-control": targeted, ...rest } = headers;
  return { status, headers: targeted === undefined ? rest : { ...rest, "cache-control": targeted } };
}

export interface EdgeCache {
  port: number;
  /** Stops taking connections, lets the answers in flight finish (up to graceMs), then closes. */
  close(graceMs?: number): Promise<void>;
  /** How many cached responses it holds (for tests and logs). */
  size(): number;
}

// Query values that open someone's subscription or account (newsletter links, sign-in callbacks): never logged.
const SECRET_QUERY_KEYS = new Set(["t", "token", "email"]);

/** The request's address for the log, with the values of secret query parameters left out. */
export function loggablePath(url: string): string {
  const query = url.indexOf("?");
  if (query === -1) return url;
  const params = new URLSearchParams(url.slice(query + 1));
  for (const key of new Set(params.keys())) if (SECRET_QUERY_KEYS.has(key)) params.set(key, "redacted");
  return `${url.slice(0, query)}?${params.toString()}`;
}

export async function startEdgeCache(options: EdgeCacheOptions): Promise<EdgeCache> {
  const maxEntryBytes = options.maxEntryBytes ?? DEFAULT_MAX_ENTRY_BYTES;
  const maxAgeMs = options.maxAgeSeconds * 1000;
  // Every variant of an address (Vary) under the address; the least recently used addresses go first.
  const variants = new LRUCache<string, Variant[]>({
    maxSize: options.maxBytes ?? DEFAULT_MAX_BYTES,
    sizeCalculation: (list) =>
      Math.max(
        1,
        list.reduce((sum, variant) => sum + variant.body.length, 0),
      ),
  });
  // Misses for the same address that arrive together wait for one upstream answer instead of each asking Next.
  const inFlight = new Map<string, Promise<Variant | undefined>>();
  // Idle connections to Next are closed before Next closes them (Node's server default: 5 s), so that a request is
  // rarely sent on a connection the other end is closing; `timeout` ends only idle sockets, never a request.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: IDLE_UPSTREAM_SOCKET_MS });
  // Requests each Next process is answering now: a request goes to the least busy; ties go to the first for pages
  // and to the last for posts, so a comment does not wait behind a page render.
  const busy = options.upstreams.map(() => 0);
  const leastBusy = (method: string) => {
    const order = busy.map((_, index) => (method === "GET" || method === "HEAD" ? index : busy.length - 1 - index));
    return order.reduce((chosen, index) => (busy[index]! < busy[chosen]! ? index : chosen), order[0]!);
  };

  const usable = (request: http.IncomingMessage, now: number) => {
    const cacheRequest = asCacheRequest(request);
    for (const variant of variants.get(request.url ?? "/") ?? []) {
      // No answer: another variant (Vary). A synchronous revalidation: stale beyond what the app allows.
      const { response, revalidation } = variant.policy.evaluateRequest(cacheRequest);
      if (!response || revalidation?.synchronous) continue;
      const age = now - variant.storedAt;
      if (!revalidation && age < maxAgeMs) return { variant, fresh: true };
      if (age < maxAgeMs + MAX_STALE_MS) return { variant, fresh: false };
    }
    return undefined;
  };

  // A new variant replaces those that would answer the same request, and those too old to be answered at all.
  const store = (request: http.IncomingMessage, key: string, variant: Variant) => {
    const cacheRequest = asCacheRequest(request);
    const kept = (variants.get(key) ?? []).filter(
      (old) => variant.storedAt - old.storedAt < maxAgeMs + MAX_STALE_MS && !old.policy.evaluateRequest(cacheRequest).response,
    );
    variants.set(key, [variant, ...kept]);
  };

  /** Writes a response: its nonce and policy if it is a page, compressed for this client if worth it. */
  const respond = (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    status: number,
    upstreamHeaders: http.IncomingHttpHeaders,
    body: Buffer | Readable,
    state: string,
    variant?: Variant,
  ) => {
    const type = String(upstreamHeaders["content-type"] ?? "");
    const headers: http.OutgoingHttpHeaders = { ...endToEnd(upstreamHeaders), "x-showfront-cache": state };
    delete headers["content-length"];
    const marked = Boolean(options.nonceMark) && WITH_NONCE.test(type);
    const nonce = marked ? newNonce() : undefined;
    if (nonce && /^text\/html/i.test(type)) headers["content-security-policy"] = contentSecurityPolicy(nonce, { framable: isFramable(request.url ?? "") });
    const size = Buffer.isBuffer(body) ? body.length : Number(upstreamHeaders["content-length"] ?? MIN_COMPRESS_BYTES);
    const compressible = !upstreamHeaders["content-encoding"] && COMPRESSIBLE.test(type) && size >= MIN_COMPRESS_BYTES && status !== 204 && status !== 304;
    const encoding = compressible ? (new Negotiator(request).encoding(nonce ? ENCODINGS_WITH_NONCE : ENCODINGS) ?? "identity") : "identity";
    if (compressible) headers.vary = headers.vary ? `${headers.vary}, Accept-Encoding` : "Accept-Encoding";
    if (encoding !== "identity") headers["content-encoding"] = encoding;
    if (variant) headers.age = String(Math.floor((Date.now() - variant.storedAt) / 1000));
    const head = request.method === "HEAD";
    if (Buffer.isBuffer(body) && nonce && variant && encoding === "gzip") {
      variant.spliceable ??= spliceable(body, options.nonceMark!);
      const parts = splice(variant.spliceable, nonce);
      response.writeHead(status, { ...headers, "content-length": parts.reduce((sum, part) => sum + part.length, 0) });
      if (head) return void response.end();
      response.cork();
      for (const part of parts) response.write(part);
      return void response.end();
    }
    if (Buffer.isBuffer(body)) {
      let encoded: Buffer;
      if (nonce) {
        const page = replaceMark(body, options.nonceMark!, nonce);
        encoded = encoding === "identity" ? page : COMPRESS_FAST[encoding]!(page);
      } else if (variant && encoding !== "identity") {
        // A copy without a nonce is compressed once for all its readers.
        encoded = variant.encoded.get(encoding) ?? COMPRESS_ONCE[encoding]!(body);
        variant.encoded.set(encoding, encoded);
      } else {
        encoded = encoding === "identity" ? body : COMPRESS_FAST[encoding]!(body);
      }
      response.writeHead(status, { ...headers, "content-length": encoded.length });
      return void response.end(head ? undefined : encoded);
    }
    response.writeHead(status, headers);
    if (head) return void response.end();
    const stages: (Readable | Transform)[] = [
      body,
      ...(nonce ? [markReplacer(options.nonceMark!, nonce)] : []),
      ...(encoding !== "identity" ? [CODECS[encoding]!()] : []),
    ];
    pipeline([...stages, response], () => {});
  };

  const send = (request: http.IncomingMessage, response: http.ServerResponse, variant: Variant, state: "HIT" | "STALE" | "MISS") => {
    const etag = variant.headers.etag;
    // A client (a podcast app polling a feed) that has this version gets 304, as it would from the server itself.
    if (
      variant.status === 200 &&
      typeof etag === "string" &&
      fresh(
        { "if-none-match": request.headers["if-none-match"], "if-modified-since": request.headers["if-modified-since"] },
        { etag, "last-modified": variant.headers["last-modified"] },
      )
    ) {
      const kept = Object.fromEntries(
        ["etag", "cache-control", "last-modified", "vary"].filter((name) => variant.headers[name]).map((name) => [name, variant.headers[name]!]),
      );
      response.writeHead(304, { ...kept, "x-showfront-cache": state });
      return void response.end();
    }
    respond(request, response, variant.status, variant.headers, variant.body, state, variant);
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

  /** Sends the request to Next; a storable answer is buffered and stored, anything else streams straight back. */
  const forward = (request: http.IncomingMessage, response: http.ServerResponse | undefined, key: string | undefined) =>
    new Promise<Variant | undefined>((settle) => {
      const chosen = leastBusy(request.method ?? "GET");
      busy[chosen] = busy[chosen]! + 1;
      let settled = false;
      const resolve = (variant: Variant | undefined) => {
        if (!settled) busy[chosen] = busy[chosen]! - 1;
        settled = true;
        settle(variant);
      };
      const idempotent = request.method === "GET" || request.method === "HEAD";
      const ask = (firstTry: boolean) => {
        const upstreamRequest = http.request(
          { ...options.upstreams[chosen]!, agent, method: request.method, path: request.url, headers: forwardedHeaders(request) },
          (upstream) => {
            const status = upstream.statusCode ?? 502;
            const policy =
              key && maxAgeMs > 0
                ? new CachePolicy(asCacheRequest(request), asCacheResponse(status, upstream.headers), { shared: true, cacheHeuristic: 0 })
                : undefined;
            const length = Number(upstream.headers["content-length"] ?? 0);
            if (!policy?.storable() || length > maxEntryBytes) {
              upstream.on("end", () => resolve(undefined));
              upstream.on("error", () => resolve(undefined));
              upstream.on("close", () => resolve(undefined));
              if (response) respond(request, response, status, upstream.headers, upstream, "PASS");
              else upstream.resume();
              return;
            }
            const chunks: Buffer[] = [];
            upstream.on("data", (chunk: Buffer) => chunks.push(chunk));
            upstream.on("error", () => {
              if (response && !response.headersSent) response.writeHead(502).end();
              resolve(undefined);
            });
            upstream.on("end", () => {
              const variant: Variant = { policy, status, headers: upstream.headers, body: Buffer.concat(chunks), storedAt: Date.now(), encoded: new Map() };
              if (variant.body.length <= maxEntryBytes) store(request, key!, variant);
              if (response) send(request, response, variant, "MISS");
              resolve(variant);
            });
          },
        );
        current = upstreamRequest;
        upstreamRequest.on("error", (error: NodeJS.ErrnoException) => {
          // Next closed an idle kept-alive connection just as it was reused, so the request never reached it: a GET or
          // HEAD is asked once more on a new connection (Node's documented remedy) instead of answering 502.
          if (firstTry && idempotent && upstreamRequest.reusedSocket && error.code === "ECONNRESET" && !settled) return ask(false);
          if (response && !response.headersSent) {
            response.writeHead(502, { "content-type": "text/plain; charset=utf-8" }).end("The site is starting or restarting; try again in a moment.\n");
          }
          resolve(undefined);
        });
        // A GET or HEAD has no body; ending it here also lets a background refresh reuse the request it came with.
        if (idempotent) upstreamRequest.end();
        else request.pipe(upstreamRequest);
      };
      let current: http.ClientRequest | undefined;
      // A reader who leaves before the answer is complete: the upstream request is dropped and counted as done,
      // or the next request for the same address (waiting on this one) would wait forever.
      response?.on("close", () => {
        if (response.writableFinished) return;
        current?.destroy();
        resolve(undefined);
      });
      ask(true);
    });

  const answerHere = async (request: http.IncomingMessage, response: http.ServerResponse, handle: (request: Request) => Promise<Response>) => {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > ANSWERED_HERE_MAX_BYTES) return void response.writeHead(413, { "cache-control": "no-store", connection: "close" }).end();
      chunks.push(chunk);
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(forwardedHeaders(request))) {
      if (value !== undefined) for (const item of [value].flat()) headers.append(name, String(item));
    }
    const answer = await handle(
      new Request(`http://${request.headers.host ?? "localhost"}${request.url}`, { method: "POST", headers, body: Buffer.concat(chunks) }),
    );
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(Buffer.from(await answer.arrayBuffer()));
  };

  /** Drops a client whose body arrives too slowly, so it cannot hold a connection (and a Next render) for long. */
  const watchBody = (request: http.IncomingMessage) => {
    if (request.method === "GET" || request.method === "HEAD") return;
    const upload = request.url?.split("?")[0] === UPLOAD_PATH;
    let received = 0;
    request.on("data", (chunk: Buffer) => (received += chunk.length));
    const timer = upload
      ? setInterval(() => {
          if (received < MIN_UPLOAD_BYTES_PER_WINDOW) request.socket.destroy();
          received = 0;
        }, UPLOAD_WINDOW_MS)
      : setTimeout(() => request.socket.destroy(), options.timeouts?.bodyMs ?? BODY_TIMEOUT_MS);
    const stop = () => clearTimeout(timer);
    request.on("end", stop);
    request.on("close", stop);
  };

  const server = http.createServer(
    { headersTimeout: options.timeouts?.headersMs ?? HEADERS_TIMEOUT_MS, requestTimeout: 0, connectionsCheckingInterval: 1000 },
    (request, response) => {
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
            path: loggablePath(request.url ?? ""),
            status: response.statusCode,
            ms: Math.round((performance.now() - started) * 10) / 10,
            cache: String(response.getHeader("x-showfront-cache") ?? "PASS"),
            aborted: !response.writableFinished,
          }),
        );
      }
      watchBody(request);
      const handle = method === "POST" ? options.answerHere?.get(request.url?.split("?")[0] ?? "") : undefined;
      if (handle)
        return void answerHere(request, response, handle).catch((error: Error) => {
          logger.error({ err: error, requestId }, "the front's own answer failed");
          if (!response.headersSent) response.writeHead(500, { "cache-control": "no-store" });
          response.end();
        });
      if ((method !== "GET" && method !== "HEAD") || BYPASS_HEADERS.some((name) => request.headers[name] !== undefined))
        return void forward(request, response, undefined);
      const key = request.url ?? "/";
      const now = Date.now();
      const found = usable(request, now);
      if (found?.fresh) return send(request, response, found.variant, "HIT");
      const pending = inFlight.get(key);
      if (found && pending) return send(request, response, found.variant, "STALE");
      if (pending) {
        void pending.then((shared) => {
          const again = shared && usable(request, Date.now());
          if (again) send(request, response, again.variant, "HIT");
          else void forward(request, response, undefined);
        });
        return;
      }
      // A HEAD answer has no body to keep: it is answered from the cache when it can be, never stored.
      if (method === "HEAD") return void forward(request, response, undefined);
      const fetching = forward(request, response, key).finally(() => inFlight.delete(key));
      inFlight.set(key, fetching);
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    size: () => [...variants.values()].reduce((sum, list) => sum + list.length, 0),
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
