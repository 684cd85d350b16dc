// The nonce policy: every script-loading tag of a page carries the response's nonce, streamed or cached, gzip or
// not; shared pages keep one nonce per cached copy, personal pages get a fresh one per response.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import zlib from "node:zlib";
import { contentSecurityPolicy, injectNonce, nonceInjector } from "@/lib/site/content-security-policy";
import { startEdgeCache, type EdgeCache } from "@/lib/site/edge-cache";

const PAGE = '<!DOCTYPE html><html><head><link rel="preload" as="script" href="/a.js"><script src="/a.js" async></script></head><body><p>Café ☕</p><script>self.__next_f.push([1,"x"])</script><script type="application/ld+json">{}</script></body></html>';

function nonces(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*>/g)].map((tag) => /nonce="([^"]+)"/.exec(tag[0])?.[1] ?? "none");
}

describe("nonce injection", () => {
  it("gives every <script> and <link> the nonce, and nothing else", () => {
    const html = injectNonce(PAGE, "abc");
    expect(nonces(html)).toEqual(["abc", "abc", "abc", "abc"]);
    expect(html).toContain("<p>Café ☕</p>");
    expect(injectNonce("<scripts><linker>", "abc")).toBe("<scripts><linker>");
  });

  it("finds tags split across chunks, and characters split across chunks stay whole", async () => {
    const bytes = Buffer.from(PAGE);
    const chunks = Array.from({ length: Math.ceil(bytes.length / 3) }, (_, index) => bytes.subarray(index * 3, index * 3 + 3));
    const out = await text(Readable.from(chunks).pipe(nonceInjector("n1")));
    expect(out).toBe(injectNonce(PAGE, "n1"));
  });

  it("lets only the embed player be framed", () => {
    expect(contentSecurityPolicy("n", { framable: false })).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("n", { framable: true })).not.toContain("frame-ancestors");
    expect(contentSecurityPolicy("n", { framable: false })).toMatch(/script-src 'nonce-n' 'strict-dynamic'/);
  });
});

describe("the edge cache gives pages their policy", () => {
  const upstream = http.createServer((request, response) => {
    const shared = request.url!.startsWith("/shared") || request.url!.startsWith("/embed");
    const gzip = /gzip/.test(request.headers["accept-encoding"] ?? "");
    const body = gzip ? zlib.gzipSync(PAGE) : Buffer.from(PAGE);
    response.writeHead(200, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": shared ? "s-maxage=60" : "private, no-store",
      ...(gzip && { "content-encoding": "gzip" }),
    });
    if (shared) return void response.end(body);
    // A personal page streams: half now, half later.
    response.write(body.subarray(0, 40));
    setTimeout(() => response.end(body.subarray(40)), 20);
  });
  let cache: EdgeCache;
  let base: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    cache = await startEdgeCache({ upstreams: [{ host: "127.0.0.1", port: (upstream.address() as AddressInfo).port }], port: 0, host: "127.0.0.1", maxAgeSeconds: 30, contentSecurityPolicy: true });
    base = `http://127.0.0.1:${cache.port}`;
  });
  afterAll(async () => {
    await cache.close();
    upstream.close();
  });

  async function load(path: string, gzip: boolean) {
    const response = await fetch(`${base}${path}`, { headers: { "accept-encoding": gzip ? "gzip" : "identity" } });
    const policy = response.headers.get("content-security-policy") ?? "";
    return { policy, html: await response.text(), nonce: /'nonce-([^']+)'/.exec(policy)?.[1] };
  }

  it.each([true, false])("matches the header's nonce to the page's tags (gzip: %s)", async (gzip) => {
    for (const path of ["/personal", "/shared-a"]) {
      const { html, nonce } = await load(path, gzip);
      expect(nonce).toBeTruthy();
      expect(nonces(html)).toEqual([nonce, nonce, nonce, nonce]);
      expect(html).toContain("Café ☕");
    }
  });

  it("gives a personal page a new nonce every time, and a cached copy one nonce for its life", async () => {
    expect((await load("/personal", true)).nonce).not.toBe((await load("/personal", true)).nonce);
    expect((await load("/shared-b", true)).nonce).toBe((await load("/shared-b", true)).nonce);
    expect((await load("/embed/episodes/x", true)).policy).not.toContain("frame-ancestors");
  });
});
