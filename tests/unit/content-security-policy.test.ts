// The nonce policy at the built-in front: Next's own tags carry the secret mark, which the front replaces with a fresh
// nonce in every response (streamed or cached, compressed or not); a tag that arrived through content carries no
// mark and gets no nonce; no response ever shows the mark.
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { contentSecurityPolicy, markReplacer, newNonceMark } from "@/lib/security/content-security-policy";
import { startEdgeCache, type EdgeCache } from "@/lib/serving/edge-cache";

const MARK = newNonceMark();
// Two of Next's tags (with the mark), one injected through content (with a nonce of its own making), one data block.
const PAGE = `<!DOCTYPE html><html><head><link rel="preload" as="script" href="/a.js" nonce="${MARK}"><script src="/a.js" async nonce="${MARK}"></script></head><body><p>Café ☕ ${"padding ".repeat(200)}</p><script nonce="guessed">alert(1)</script><script>alert(2)</script><script type="application/ld+json">{}</script><script nonce="${MARK}">self.__next_f.push([1,"${MARK}"])</script></body></html>`;

function nonces(html: string): string[] {
  return [...html.matchAll(/<(?:script|link)\b[^>]*>/g)].map((tag) => /nonce="([^"]+)"/.exec(tag[0])?.[1] ?? "none");
}

describe("the mark replacer", () => {
  it("replaces every mark, also split across chunks, and keeps characters split across chunks whole", async () => {
    const bytes = Buffer.from(PAGE);
    for (const size of [1, 3, 7, MARK.length - 1, MARK.length + 1, 4096]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, index) => bytes.subarray(index * size, index * size + size));
      const out = await text(Readable.from(chunks).pipe(markReplacer(MARK, "n1")));
      expect(out).toBe(PAGE.replaceAll(MARK, "n1"));
    }
  });

  it("lets only the embed player be framed, and gives next dev what it needs", () => {
    expect(contentSecurityPolicy("n", { framable: false })).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy("n", { framable: true })).not.toContain("frame-ancestors");
    expect(contentSecurityPolicy("n", { framable: false })).toMatch(/script-src 'nonce-n' 'strict-dynamic'(;|$)/);
    expect(contentSecurityPolicy("n", { framable: false, development: true })).toMatch(/script-src 'nonce-n' 'strict-dynamic' 'unsafe-eval'/);
  });
});

describe("the edge cache gives pages their policy", () => {
  const upstream = http.createServer((request, response) => {
    const shared = request.url!.startsWith("/shared") || request.url!.startsWith("/embed");
    response.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": shared ? "s-maxage=60" : "private, no-store" });
    if (shared) return void response.end(PAGE);
    // A personal page streams: half now, half later, the mark cut in two.
    const cut = PAGE.indexOf(MARK) + 5;
    response.write(PAGE.slice(0, cut));
    setTimeout(() => response.end(PAGE.slice(cut)), 20);
  });
  let cache: EdgeCache;
  let base: string;
  beforeAll(async () => {
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    cache = await startEdgeCache({
      upstreams: [{ host: "127.0.0.1", port: (upstream.address() as AddressInfo).port }],
      port: 0,
      host: "127.0.0.1",
      maxAgeSeconds: 30,
      nonceMark: MARK,
    });
    base = `http://127.0.0.1:${cache.port}`;
  });
  afterAll(async () => {
    await cache.close();
    upstream.close();
  });

  async function load(path: string, encoding: string) {
    const response = await fetch(`${base}${path}`, { headers: { "accept-encoding": encoding } });
    const policy = response.headers.get("content-security-policy") ?? "";
    return { policy, html: await response.text(), nonce: /'nonce-([^']+)'/.exec(policy)?.[1], encoding: response.headers.get("content-encoding") };
  }

  it.each(["gzip", "br", "identity"])("gives Next's tags the header's nonce and content's tags none (%s)", async (encoding) => {
    for (const path of ["/personal", "/shared-a"]) {
      const { html, nonce } = await load(path, encoding);
      expect(nonce).toBeTruthy();
      expect(nonces(html)).toEqual([nonce, nonce, "guessed", "none", "none", nonce]);
      expect(html).not.toContain(MARK);
      expect(html).toContain("Café ☕");
    }
  });

  it("gives every response a new nonce, cached copies included", async () => {
    expect((await load("/personal", "gzip")).nonce).not.toBe((await load("/personal", "gzip")).nonce);
    const first = await load("/shared-b", "gzip");
    const second = await load("/shared-b", "gzip");
    expect(first.nonce).not.toBe(second.nonce);
    expect(nonces(second.html)[0]).toBe(second.nonce);
    expect((await load("/embed/episodes/x", "gzip")).policy).not.toContain("frame-ancestors");
  });
});

describe("a kept page's gzip with each reader's nonce spliced in", () => {
  it("decompresses to the page with that nonce in every mark's place, whatever the marks' places", async () => {
    const { splice, spliceable } = await import("@/lib/serving/spliced-gzip");
    const { gunzipSync } = await import("node:zlib");
    for (const page of [PAGE, `${MARK}${PAGE}${MARK}`, MARK, "no mark at all", `${MARK}${MARK}`, ""]) {
      const prepared = spliceable(Buffer.from(page), MARK);
      for (const nonce of ["n1", "a-much-longer-nonce-than-the-first"]) {
        expect(gunzipSync(Buffer.concat(splice(prepared, nonce))).toString()).toBe(page.replaceAll(MARK, nonce));
      }
    }
  });
});
