// The edge cache against a real upstream HTTP server standing in for Next: it keeps only what the upstream marks as
// shareable (read by http-cache-semantics), never a personal or navigation response, for a moment at most; it
// compresses for each client apart; it drops clients that send too slowly.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import zlib from "node:zlib";
import { startEdgeCache, type EdgeCache, type RequestRecord } from "@/lib/serving/edge-cache";

interface Seen {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

const seen: Seen[] = [];
let version = 1;
const upstream = http.createServer((request, response) => {
  let body = "";
  request.on("data", (chunk) => (body += chunk));
  request.on("end", () => {
    seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
    const url = new URL(request.url!, "http://upstream");
    const delay = Number(url.searchParams.get("delay") ?? 0);
    setTimeout(() => {
      if (url.pathname === "/streamed-private") {
        response.writeHead(200, { "cache-control": "private, no-store" });
        response.write("first part ");
        return void setTimeout(() => response.end("last part"), 200);
      }
      if (url.pathname === "/search")
        return void response.writeHead(200, { "cache-control": "private, no-cache, no-store", "cdn-cache-control": "max-age=60" }).end(`results v${version}`);
      if (url.pathname === "/search-private")
        return void response.writeHead(200, { "cache-control": "s-maxage=60", "cdn-cache-control": "private" }).end("mine");
      if (url.pathname === "/private") return void response.writeHead(200, { "cache-control": "private, no-cache, no-store" }).end("mine");
      if (url.pathname === "/cookie") return void response.writeHead(200, { "cache-control": "s-maxage=60", "set-cookie": "a=b" }).end("cookie");
      if (url.pathname === "/feed") return void response.writeHead(200, { "cache-control": "s-maxage=60", etag: '"v1"' }).end("<rss/>");
      if (url.pathname === "/big") return void response.writeHead(200, { "cache-control": "s-maxage=60" }).end("x".repeat(5000));
      const staleWhileRevalidate = url.searchParams.get("swr") ?? "300";
      const maxAge = url.searchParams.get("maxage") ?? "60";
      const vary = url.searchParams.get("vary");
      response.writeHead(200, {
        "cache-control": `s-maxage=${maxAge}, stale-while-revalidate=${staleWhileRevalidate}`,
        "content-type": "text/html",
        ...(vary && { vary }),
      });
      const body = `page ${url.pathname} v${version}${vary ? ` for ${request.headers[vary.toLowerCase()]}` : ""}`;
      response.end(request.method === "HEAD" ? undefined : url.searchParams.has("long") ? body.padEnd(1500, ".") : body);
    }, delay);
  });
});

let cache: EdgeCache;
let base: string;
beforeAll(async () => {
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  cache = await startEdgeCache({
    upstreams: [{ host: "127.0.0.1", port: (upstream.address() as AddressInfo).port }],
    port: 0,
    host: "127.0.0.1",
    maxAgeSeconds: 1,
    maxEntryBytes: 2000,
  });
  base = `http://127.0.0.1:${cache.port}`;
});
afterAll(async () => {
  await cache.close();
  upstream.close();
});
afterEach(() => {
  seen.length = 0;
  version += 1;
});

async function until(condition: () => boolean) {
  for (let attempt = 0; !condition(); attempt += 1) {
    if (attempt > 100) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const get = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${base}${path}`, init);
  return { status: response.status, text: await response.text(), state: response.headers.get("x-showfront-cache") };
};

describe("the edge cache", () => {
  it("answers a shareable page from memory; once expired, one request fetches it afresh while the others meanwhile get the old copy", async () => {
    const path = "/episodes/a?delay=300";
    const first = await get(path);
    const second = await get(path);
    expect([first.state, second.state]).toEqual(["MISS", "HIT"]);
    expect(second.text).toBe(first.text);
    expect(seen).toHaveLength(1);
    version += 1;
    await new Promise((resolve) => setTimeout(resolve, 1050));
    const refreshing = get(path);
    await until(() => seen.length === 2);
    const meanwhile = await get(path);
    expect([meanwhile.state, meanwhile.text]).toEqual(["STALE", first.text]);
    expect(await refreshing).toEqual({ status: 200, state: "MISS", text: `page /episodes/a v${version}` });
    expect(await get(path)).toEqual({ status: 200, state: "HIT", text: `page /episodes/a v${version}` });
    expect(seen).toHaveLength(2);
  });

  it("fetches again, and answers nothing stale, once the app's own lifetime and stale allowance are past", async () => {
    await get("/episodes/plain?maxage=1&swr=0");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await get("/episodes/plain?maxage=1&swr=0")).state).toBe("MISS");
    expect(seen).toHaveLength(2);
  });

  it("answers a variant only to the requests its Vary matches", async () => {
    const english = await get("/episodes/vary?vary=Accept-Language", { headers: { "accept-language": "en" } });
    const french = await get("/episodes/vary?vary=Accept-Language", { headers: { "accept-language": "fr" } });
    const englishAgain = await get("/episodes/vary?vary=Accept-Language", { headers: { "accept-language": "en" } });
    expect([english.text, french.text, englishAgain.text]).toEqual([expect.stringMatching(/for en$/), expect.stringMatching(/for fr$/), english.text]);
    expect([french.state, englishAgain.state]).toEqual(["MISS", "HIT"]);
    expect(seen).toHaveLength(2);
  });

  it("does not let a client's no-cache make it reach the site", async () => {
    await get("/episodes/reload");
    expect((await get("/episodes/reload", { headers: { "cache-control": "no-cache", pragma: "no-cache" } })).state).toBe("HIT");
    expect(seen).toHaveLength(1);
  });

  it("asks upstream once for a rush of the same uncached page", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => get("/episodes/rush?delay=100")));
    expect(new Set(answers.map((answer) => answer.text)).size).toBe(1);
    expect(seen.filter((request) => request.url.startsWith("/episodes/rush"))).toHaveLength(1);
  });

  it.each([
    ["a personal page", "/private", {}],
    ["a page whose CDN-Cache-Control says private, whatever its Cache-Control", "/search-private", {}],
    ["a response that sets a cookie", "/cookie", {}],
    ["a response larger than an entry may be", "/big", {}],
    ["a client-side navigation (RSC) request", "/episodes/nav", { headers: { rsc: "1" } }],
    ["a server action", "/episodes/act", { headers: { "next-action": "abc" } }],
  ])("never keeps %s", async (_label, path, init) => {
    await get(path, init);
    await get(path, init);
    expect(seen).toHaveLength(2);
  });

  it("keeps a page Next marks no-store when its CDN-Cache-Control lets shared caches keep it", async () => {
    const first = await get("/search?q=x");
    const second = await get("/search?q=x");
    expect([first.state, second.state]).toEqual(["MISS", "HIT"]);
    expect(second.text).toBe(first.text);
    expect(seen).toHaveLength(1);
  });

  it("compresses one kept copy for each client as it asks, so a deflate or br request never feeds a plain one", async () => {
    const raw = (encoding: string) =>
      new Promise<{ encoding?: string; vary?: string; body: Buffer }>((resolve, reject) => {
        http
          .get(`${base}/episodes/enc?long`, { headers: { "accept-encoding": encoding } }, (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => resolve({ encoding: response.headers["content-encoding"], vary: response.headers.vary, body: Buffer.concat(chunks) }));
          })
          .on("error", reject);
      });
    const deflate = await raw("deflate");
    const br = await raw("br");
    const plain = await raw("");
    const gzip = await raw("gzip, deflate");
    expect([deflate.encoding, br.encoding, plain.encoding, gzip.encoding]).toEqual([undefined, "br", undefined, "gzip"]);
    const text = plain.body.toString();
    expect(text).toMatch(/^page \/episodes\/enc v\d+\.+$/);
    expect([deflate.body.toString(), zlib.brotliDecompressSync(br.body).toString(), zlib.gunzipSync(gzip.body).toString()]).toEqual([text, text, text]);
    expect(plain.vary).toMatch(/Accept-Encoding/);
    expect(seen).toHaveLength(1);
    const head = await fetch(`${base}/episodes/enc?long`, { method: "HEAD", headers: { "accept-encoding": "identity" } });
    expect(head.headers.get("x-showfront-cache")).toBe("HIT");
    await fetch(`${base}/episodes/head-first`, { method: "HEAD" });
    expect((await get("/episodes/head-first")).text).toBe(`page /episodes/head-first v${version}`);
  });

  it("passes form posts through with their body and who sent them", async () => {
    const posted = await fetch(`${base}/admin/feeds`, {
      method: "POST",
      body: "url=x",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-forwarded-for": "203.0.113.9",
        "x-forwarded-host": "evil.example",
        "x-forwarded-proto": "https",
      },
    });
    await posted.text();
    const post = seen.find((request) => request.method === "POST")!;
    expect(post.body).toBe("url=x");
    expect(post.headers["x-forwarded-for"]).toBe("203.0.113.9, 127.0.0.1");
    // With no trusted proxy in front, the client's own X-Forwarded-Host and -Proto are replaced by what the edge saw.
    expect(post.headers["x-forwarded-host"]).toBe(new URL(base).host);
    expect(post.headers["x-forwarded-proto"]).toBe("http");
  });

  it("answers 304 from memory to a client that already has the cached version", async () => {
    await get("/feed");
    const again = await fetch(`${base}/feed`, { headers: { "if-none-match": 'W/"v1"' } });
    expect([again.status, again.headers.get("x-showfront-cache"), again.headers.get("etag")]).toEqual([304, "HIT", '"v1"']);
    expect((await fetch(`${base}/feed`, { headers: { "if-none-match": '"v0"' } })).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it("answers the next request for a personal page after a reader left in the middle of the last one", async () => {
    const leaving = new AbortController();
    const first = await fetch(`${base}/streamed-private`, { signal: leaving.signal });
    expect(first.status).toBe(200);
    leaving.abort();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const next = await fetch(`${base}/streamed-private`, { signal: AbortSignal.timeout(3000) });
    expect(await next.text()).toBe("first part last part");
  });

  it("answers the next request for a page after a reader left before the first answer came", async () => {
    const leaving = new AbortController();
    const first = fetch(`${base}/private?delay=300`, { signal: leaving.signal }).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50));
    leaving.abort();
    await first;
    const next = await fetch(`${base}/private?delay=300`, { signal: AbortSignal.timeout(3000) });
    expect(await next.text()).toBe("mine");
  });

  it("says plainly when the site behind it is down", async () => {
    const orphan = await startEdgeCache({ upstreams: [{ host: "127.0.0.1", port: 1 }], port: 0, host: "127.0.0.1", maxAgeSeconds: 10 });
    try {
      const response = await fetch(`http://127.0.0.1:${orphan.port}/`);
      expect(response.status).toBe(502);
      expect(await response.text()).toMatch(/starting or restarting/);
    } finally {
      await orphan.close();
    }
  });
});

describe("a kept-alive connection Next closes", () => {
  it("asks a page again on a new connection when Next closed the one it reused, rather than answering 502", async () => {
    // The race of a keep-alive timeout, made certain: this Next drops every connection at its second request.
    const requestsOn = new WeakMap<object, number>();
    const closing = http.createServer((request, response) => {
      const count = (requestsOn.get(request.socket) ?? 0) + 1;
      requestsOn.set(request.socket, count);
      if (count > 1) return void request.socket.destroy();
      response.writeHead(200, { "cache-control": "private, no-store" }).end(`answer on ${request.url}`);
    });
    await new Promise<void>((resolve) => closing.listen(0, "127.0.0.1", resolve));
    const edge = await startEdgeCache({
      upstreams: [{ host: "127.0.0.1", port: (closing.address() as AddressInfo).port }],
      port: 0,
      host: "127.0.0.1",
      maxAgeSeconds: 0,
    });
    try {
      for (const path of ["/first", "/second", "/third"]) {
        const response = await fetch(`http://127.0.0.1:${edge.port}${path}`);
        expect([response.status, await response.text()]).toEqual([200, `answer on ${path}`]);
      }
    } finally {
      await edge.close();
      closing.close();
    }
  });
});

describe("slow clients", () => {
  it("drops a client that sends its headers slowly, or a form body slowly, while others are served", async () => {
    const strict = await startEdgeCache({
      upstreams: [{ host: "127.0.0.1", port: (upstream.address() as AddressInfo).port }],
      port: 0,
      host: "127.0.0.1",
      maxAgeSeconds: 0,
      timeouts: { headersMs: 1000, bodyMs: 1000 },
    });
    const trickle = (lines: string[]) =>
      new Promise<number>((resolve) => {
        const started = Date.now();
        const socket = net.connect(strict.port, "127.0.0.1", () => {
          const timer = setInterval(() => socket.write(lines.length > 1 ? lines.shift()! : lines[0]!), 200);
          socket.on("close", () => {
            clearInterval(timer);
            resolve(Date.now() - started);
          });
        });
        socket.on("error", () => {});
      });
    try {
      const slowHeaders = trickle(["GET /slow HTTP/1.1\r\n", "Host: x\r\n", "X-Trickle: 1\r\n"]);
      const slowBody = trickle(["POST /comment HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n", "a"]);
      expect((await fetch(`http://127.0.0.1:${strict.port}/episodes/meanwhile`)).status).toBe(200);
      // Dropped (the connection closed by the front) well before the client would have finished.
      expect(await slowHeaders).toBeLessThan(30_000);
      expect(await slowBody).toBeLessThan(30_000);
    } finally {
      await strict.close();
    }
  });
});

describe("several Next processes", () => {
  it("sends each request to the process answering the fewest; page loads prefer the first, posts the last", async () => {
    const answeredBy: string[] = [];
    const processes = ["one", "two"].map((name) =>
      http.createServer((request, response) => {
        answeredBy.push(`${name} ${request.method} ${request.url}`);
        request.resume();
        setTimeout(() => response.writeHead(200, { "cache-control": "private, no-store" }).end(name), request.url?.startsWith("/slow") ? 300 : 0);
      }),
    );
    await Promise.all(processes.map((server) => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))));
    const spread = await startEdgeCache({
      upstreams: processes.map((server) => ({ host: "127.0.0.1", port: (server.address() as AddressInfo).port })),
      port: 0,
      host: "127.0.0.1",
      maxAgeSeconds: 0,
    });
    try {
      const text = (path: string, method = "GET") =>
        fetch(`http://127.0.0.1:${spread.port}${path}`, { method, ...(method === "POST" && { body: "a=b" }) }).then((response) => response.text());
      expect([await text("/a"), await text("/comment", "POST")]).toEqual(["one", "two"]);
      // The first process renders a slow page: the next page load goes to the idle second one.
      const slow = text("/slow-page");
      await until(() => answeredBy.some((line) => line.endsWith("/slow-page")));
      expect(await text("/b")).toBe("two");
      // Both busy, one each: a post waits behind the other post, not behind the render.
      const slowPost = text("/slow-post", "POST");
      await until(() => answeredBy.some((line) => line.endsWith("/slow-post")));
      expect(answeredBy.find((line) => line.endsWith("/slow-post"))).toMatch(/^two /);
      expect(await text("/comment", "POST")).toBe("two");
      expect([await slow, await slowPost]).toEqual(["one", "two"]);
    } finally {
      await spread.close();
      for (const server of processes) server.close();
    }
  });
});

describe("stopping", () => {
  it("finishes the answers in flight and refuses new connections", async () => {
    const stopping = await startEdgeCache({
      upstreams: [{ host: "127.0.0.1", port: (upstream.address() as AddressInfo).port }],
      port: 0,
      host: "127.0.0.1",
      maxAgeSeconds: 0,
    });
    const address = `http://127.0.0.1:${stopping.port}`;
    const inFlight = fetch(`${address}/slow-page?delay=300`, { headers: { connection: "close" } });
    await until(() => seen.some((request) => request.url.startsWith("/slow-page")));
    const closed = stopping.close(5_000);
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(await answer.text()).toMatch(/^page \/slow-page v\d+$/);
    await closed;
    await expect(fetch(`${address}/after`)).rejects.toThrow();
  });
});

describe("request ids and logs", () => {
  it("gives every request an id (keeping a plain one from a proxy), passes it to Next and back, and logs the answer", async () => {
    const records: RequestRecord[] = [];
    const logged = await startEdgeCache({
      upstreams: [{ host: "127.0.0.1", port: (upstream.address() as AddressInfo).port }],
      port: 0,
      host: "127.0.0.1",
      maxAgeSeconds: 0,
      onRequest: (record) => records.push(record),
    });
    try {
      const address = `http://127.0.0.1:${logged.port}`;
      const kept = await fetch(`${address}/with-id`, { headers: { "x-request-id": "lb-7f3a:42" } });
      expect(kept.headers.get("x-request-id")).toBe("lb-7f3a:42");
      expect(seen.find((request) => request.url === "/with-id")?.headers["x-request-id"]).toBe("lb-7f3a:42");
      const replaced = await fetch(`${address}/hostile-id`, { headers: { "x-request-id": 'x" injected=1 '.repeat(20) } });
      expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
      await until(() => records.length === 2);
      expect(records[0]).toMatchObject({ requestId: "lb-7f3a:42", method: "GET", path: "/with-id", status: 200, cache: "PASS", aborted: false });
      expect(records[1]?.requestId).toBe(replaced.headers.get("x-request-id"));

      // A subscriber's link or a sign-in callback reaches Next whole, and the log without its secret.
      await fetch(`${address}/newsletter/unsubscribe?t=s3cret-token&done=1`);
      await fetch(`${address}/api/auth/callback/email?token=0ther&email=a%40b.example&callbackUrl=%2Faccount`);
      await until(() => records.length === 4);
      expect(seen.some((request) => request.url === "/newsletter/unsubscribe?t=s3cret-token&done=1")).toBe(true);
      expect(records.slice(2).map((record) => record.path)).toEqual([
        "/newsletter/unsubscribe?t=redacted&done=1",
        "/api/auth/callback/email?token=redacted&email=redacted&callbackUrl=%2Faccount",
      ]);
    } finally {
      await logged.close();
    }
  });
});
