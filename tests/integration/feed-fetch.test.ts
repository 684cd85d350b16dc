import { describe, expect, it } from "@jest/globals";
import { fetchFeed, FeedFetchError } from "@/lib/feeds/fetch";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();

const FEED = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>';

const local = { allowPrivateHosts: true };

async function failure(promise: Promise<unknown>): Promise<FeedFetchError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FeedFetchError);
  return error as FeedFetchError;
}

describe("fetchFeed", () => {
  it("fetches a feed with its validators, and sends them back to get a 304", async () => {
    server.routes.set("/feed.xml", { body: FEED, etag: '"v1"', lastModified: "Tue, 17 Nov 2026 06:00:00 GMT" });
    const first = await fetchFeed(server.url("/feed.xml"), local);
    expect(first).toMatchObject({ status: "fetched", httpStatus: 200, etag: '"v1"', lastModified: "Tue, 17 Nov 2026 06:00:00 GMT" });
    expect(first.status === "fetched" && first.body.toString()).toBe(FEED);
    expect(server.requests[0]?.headers["user-agent"]).toMatch(/^Showfront\//);

    const second = await fetchFeed(server.url("/feed.xml"), { ...local, etag: '"v1"', lastModified: "Tue, 17 Nov 2026 06:00:00 GMT" });
    expect(second).toEqual({ status: "not-modified", url: server.url("/feed.xml"), httpStatus: 304 });
    expect(server.requests[1]?.headers["if-none-match"]).toBe('"v1"');
  });

  it.each(["gzip", "br"] as const)("accepts and unpacks %s bodies", async (encoding) => {
    server.routes.set("/packed.xml", { body: FEED, encoding });
    const result = await fetchFeed(server.url("/packed.xml"), local);
    expect(result.status === "fetched" && result.body.toString()).toBe(FEED);
    expect(server.requests[0]?.headers["accept-encoding"]).toContain(encoding);
  });

  it("follows redirects and reports where the feed now lives", async () => {
    server.routes.set("/old.xml", { redirectTo: "/new.xml", status: 301 });
    server.routes.set("/new.xml", { body: FEED });
    expect(await fetchFeed(server.url("/old.xml"), local)).toMatchObject({ status: "fetched", url: server.url("/new.xml") });
  });

  it("gives up on a redirect loop", async () => {
    server.routes.set("/a", { redirectTo: "/b" });
    server.routes.set("/b", { redirectTo: "/a" });
    expect((await failure(fetchFeed(server.url("/a"), { ...local, maxRedirects: 3 }))).code).toBe("too-many-redirects");
    expect(server.requests).toHaveLength(4);
  });

  it("refuses a body over the size cap and closes the connection instead of reading on", async () => {
    server.routes.set("/endless.xml", { streamBytes: 50 * 1024 * 1024 });
    const error = await failure(fetchFeed(server.url("/endless.xml"), { ...local, maxBytes: 1024 * 1024 }));
    expect(error.code).toBe("too-large");
    for (let waited = 0; server.abortedResponses === 0 && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.abortedResponses).toBe(1);
  });

  it("refuses a declared Content-Length over the cap before reading the body", async () => {
    server.routes.set("/big.xml", { body: "x".repeat(5000) });
    expect((await failure(fetchFeed(server.url("/big.xml"), { ...local, maxBytes: 1000 }))).code).toBe("too-large");
  });

  it("stops at its deadline when a server stalls", async () => {
    server.routes.set("/stall.xml", { hang: true });
    // The server never answers: without the deadline this would wait for the test's own timeout.
    expect((await failure(fetchFeed(server.url("/stall.xml"), { ...local, timeoutMs: 300 }))).code).toBe("timeout");
  });

  it("reports HTTP errors with their status", async () => {
    server.routes.set("/gone.xml", { status: 410, body: "gone" });
    expect(await failure(fetchFeed(server.url("/gone.xml"), local))).toMatchObject({ code: "http-status", httpStatus: 410 });
  });

  it.each(["file:///etc/passwd", "ftp://example.org/feed.xml", "http://user:pass@example.org/feed.xml", "not a url"])("refuses %s", async (url) => {
    expect((await failure(fetchFeed(url, local))).code).toBe("bad-url");
  });
});

describe("fetchFeed without FEEDS_ALLOW_PRIVATE_HOSTS", () => {
  it.each([
    (port: number) => `http://127.0.0.1:${port}/feed.xml`,
    (port: number) => `http://localhost:${port}/feed.xml`,
    (port: number) => `http://2130706433:${port}/feed.xml`,
    (port: number) => `http://0x7f.0.0.1:${port}/feed.xml`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/feed.xml`,
    (port: number) => `http://0.0.0.0:${port}/feed.xml`,
    () => "http://169.254.169.254/latest/meta-data/",
    () => "http://[::1]/feed.xml",
  ])("refuses every spelling of a local or private address (%#)", async (spell) => {
    server.routes.set("/feed.xml", { body: FEED });
    const error = await failure(fetchFeed(spell(server.port), { allowPrivateHosts: false, timeoutMs: 2000 }));
    expect(error.code).toBe("blocked-address");
    expect(server.requests).toHaveLength(0);
  });
});
