import { beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { addFeedSource, syncFeedSource } from "@/lib/feeds/sync";
import { resetDatabase } from "../setup/database";
import type { Route } from "../setup/feed-server";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();

const demoFeed = readFileSync(path.resolve("lib/demo/content/long-signal.xml"), "utf8");

beforeEach(async () => {
  await resetDatabase();
});

async function addDemoSource(route: Route = {}) {
  server.routes.set("/feed.xml", { body: demoFeed, etag: '"v1"', ...route });
  const { source, sync } = await addFeedSource({ url: server.url("/feed.xml"), kind: "PODCAST" });
  expect(sync).toMatchObject({ status: "IMPORTED", created: 8 });
  return source;
}

const episodesSnapshot = () => prisma.episode.findMany({ orderBy: { guid: "asc" } });

describe("adding a feed source", () => {
  it("creates the show from the feed's channel and imports every episode, recording the run", async () => {
    const source = await addDemoSource();
    const show = await prisma.show.findUniqueOrThrow({ where: { id: source.showId } });
    expect(show).toMatchObject({ title: "The Long Signal", rssUrl: server.url("/feed.xml") });
    const episode = await prisma.episode.findFirstOrThrow({ where: { guid: "long-signal-0108" } });
    expect(episode.audioUrl).toBe(server.url("/demo/audio/bridges-3492s.wav"));
    const runs = await prisma.syncRun.findMany({ where: { sourceId: source.id } });
    expect(runs).toEqual([expect.objectContaining({ status: "IMPORTED", created: 8, httpStatus: 200, error: null, trigger: "ADDED" })]);
    await syncFeedSource(source.id, { force: true, trigger: "MANUAL" });
    await syncFeedSource(source.id, { force: true });
    const triggers = await prisma.syncRun.findMany({ where: { sourceId: source.id }, orderBy: { startedAt: "asc" }, select: { trigger: true } });
    expect(triggers.map((run) => run.trigger)).toEqual(["ADDED", "MANUAL", "SCHEDULED"]);
    expect(await prisma.feedSource.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({ etag: '"v1"', syncStartedAt: null });
  });

  it("refuses a URL that is not a feed and creates nothing", async () => {
    server.routes.set("/page.html", { body: "<html><body>Hello</body></html>", contentType: "text/html" });
    await expect(addFeedSource({ url: server.url("/page.html"), kind: "PODCAST" })).rejects.toThrow(/Not a readable RSS or Atom feed/);
    expect(await prisma.show.count()).toBe(0);
    expect(await prisma.feedSource.count()).toBe(0);
  });
});

describe("a podcast:locked feed", () => {
  const locked = demoFeed.replace("<channel>", '<channel><podcast:locked owner="maya@longsignal.example">yes</podcast:locked>');

  it("is refused unless the person adding it says the show is theirs", async () => {
    server.routes.set("/locked.xml", { body: locked });
    await expect(addFeedSource({ url: server.url("/locked.xml"), kind: "PODCAST" })).rejects.toThrow(/locked \(podcast:locked\)/);
    expect(await prisma.show.count()).toBe(0);

    const { sync } = await addFeedSource({ url: server.url("/locked.xml"), kind: "PODCAST", ownerConfirmed: true });
    expect(sync).toMatchObject({ status: "IMPORTED", created: 8 });
    expect(await prisma.show.findFirstOrThrow()).toMatchObject({ locked: true });
  });
});

describe("syncing a feed source", () => {
  it("writes nothing when the server answers 304", async () => {
    const source = await addDemoSource();
    const before = await episodesSnapshot();
    expect(await syncFeedSource(source.id)).toMatchObject({ status: "UNCHANGED", httpStatus: 304 });
    expect(server.requests.at(-1)?.headers["if-none-match"]).toBe('"v1"');
    expect(await episodesSnapshot()).toEqual(before);
  });

  it("writes nothing when the body is the same, even without validators", async () => {
    const source = await addDemoSource({ etag: undefined });
    const before = await episodesSnapshot();
    expect(await syncFeedSource(source.id)).toMatchObject({ status: "UNCHANGED", httpStatus: 200 });
    expect(await episodesSnapshot()).toEqual(before);
  });

  it("updates only what changed and adds what is new", async () => {
    const source = await addDemoSource();
    const newItem = `<item><title>Brand New</title><guid>long-signal-0109</guid><pubDate>Tue, 17 Nov 2026 07:00:00 +0000</pubDate>
      <enclosure url="https://cdn.example/109.mp3" length="1" type="audio/mpeg"/></item>`;
    const changed = demoFeed
      .replace("<title>Night Buses and the People Who Drive Them</title>", "<title>Night Buses, Revisited</title>")
      .replace("<item>", `${newItem}<item>`);
    server.routes.set("/feed.xml", { body: changed, etag: '"v2"' });
    const untouched = await prisma.episode.findFirstOrThrow({ where: { guid: "long-signal-0107" } });

    expect(await syncFeedSource(source.id)).toMatchObject({ status: "IMPORTED", created: 1, updated: 1, unchanged: 7, gone: 0 });
    expect(await prisma.episode.findFirstOrThrow({ where: { guid: "long-signal-0106" } })).toMatchObject({
      title: "Night Buses, Revisited",
      slug: "night-buses-and-the-people-who-drive-them",
    });
    expect((await prisma.episode.findFirstOrThrow({ where: { guid: "long-signal-0107" } })).updatedAt).toEqual(untouched.updatedAt);
  });

  it("parses only the items whose text changed, and still counts the rest as present", async () => {
    const source = await addDemoSource();
    // A stored import hash that no parse would produce: a parse of this item would rewrite the row.
    await prisma.episode.update({ where: { slug: "who-owns-the-map" }, data: { importHash: "stale" } });
    const newItem = `<item><title>Brand New</title><guid>long-signal-0109</guid><pubDate>Tue, 17 Nov 2026 07:00:00 +0000</pubDate></item>`;
    server.routes.set("/feed.xml", { body: demoFeed.replace("<item>", `${newItem}\n    <item>`), etag: '"v2"' });

    expect(await syncFeedSource(source.id)).toMatchObject({ status: "IMPORTED", created: 1, updated: 0, unchanged: 8, gone: 0 });
    expect((await prisma.episode.findUniqueOrThrow({ where: { slug: "who-owns-the-map" } })).importHash).toBe("stale");
    expect(await prisma.episode.count({ where: { goneAt: null } })).toBe(9);

    // A forced sync parses every item again.
    expect(await syncFeedSource(source.id, { force: true })).toMatchObject({ status: "IMPORTED", updated: 1, unchanged: 8 });
    expect((await prisma.episode.findUniqueOrThrow({ where: { slug: "who-owns-the-map" } })).importHash).not.toBe("stale");
  });

  it("falls back to parsing everything when the items cannot be cut apart cleanly", async () => {
    const source = await addDemoSource();
    const withComments = demoFeed.replace(/<\/item>/g, "</item><!-- ad break -->").replace("Who Owns the Map?", "Who Owns the Map Now?");
    server.routes.set("/feed.xml", { body: withComments, etag: '"v2"' });
    expect(await syncFeedSource(source.id)).toMatchObject({ status: "IMPORTED", created: 0, updated: 1, unchanged: 7 });
  });

  it("marks an episode that left the feed as gone, keeps it, and brings it back when it returns", async () => {
    const source = await addDemoSource();
    const without = demoFeed.replace(/<item>\s*<title>Who Owns the Map\?<\/title>[\s\S]*?<\/item>/, "");
    server.routes.set("/feed.xml", { body: without, etag: '"v2"' });
    expect(await syncFeedSource(source.id)).toMatchObject({ status: "IMPORTED", gone: 1 });
    expect((await prisma.episode.findUniqueOrThrow({ where: { slug: "who-owns-the-map" } })).goneAt).toBeInstanceOf(Date);

    server.routes.set("/feed.xml", { body: demoFeed, etag: '"v3"' });
    expect(await syncFeedSource(source.id)).toMatchObject({ status: "IMPORTED", updated: 1, gone: 0 });
    expect((await prisma.episode.findUniqueOrThrow({ where: { slug: "who-owns-the-map" } })).goneAt).toBeNull();
  });

  it.each([
    ["a truncated feed", { body: demoFeed.slice(0, 3000), etag: '"bad"' }, /Not a readable RSS or Atom feed/],
    ["an HTML error page", { body: "<html><body>Maintenance</body></html>", contentType: "text/html", etag: '"bad"' }, /Not a readable/],
    ["an HTTP 500", { status: 500, body: "oops" }, /HTTP 500/],
    ["an empty body", { body: "", etag: '"bad"' }, /Not a readable/],
  ])("records %s as a failed run and leaves every episode as it was", async (_name, route, error) => {
    const source = await addDemoSource();
    const before = await episodesSnapshot();
    server.routes.set("/feed.xml", route);
    const result = await syncFeedSource(source.id);
    expect(result).toMatchObject({ status: "FAILED", error: expect.stringMatching(error) });
    expect(await episodesSnapshot()).toEqual(before);
    expect(await prisma.feedSource.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({
      lastStatus: "FAILED",
      lastError: expect.stringMatching(error),
      syncStartedAt: null,
    });
  });

  it("runs one sync at a time per source: a second one at the same moment stands aside", async () => {
    const source = await addDemoSource();
    // A slow host keeps the first sync busy while the second one starts.
    server.routes.set("/feed.xml", { body: demoFeed.replace("Bridges Nobody Inspects", "Bridges, Again"), etag: '"v2"', delayMs: 300 });
    const results = await Promise.all([syncFeedSource(source.id), syncFeedSource(source.id)]);
    expect(results.map((result) => result.status).sort()).toEqual(["IMPORTED", "busy"]);
    expect(await prisma.episode.count()).toBe(8);
    expect(await prisma.syncRun.count({ where: { sourceId: source.id } })).toBe(2);
  });

  it("follows itunes:new-feed-url to the show's new home", async () => {
    const source = await addDemoSource();
    const moved = demoFeed.replace("<channel>", `<channel><itunes:new-feed-url>${server.url("/moved.xml")}</itunes:new-feed-url>`);
    server.routes.set("/feed.xml", { body: moved, etag: '"v2"' });
    server.routes.set("/moved.xml", { body: moved, etag: '"m1"' });
    expect(await syncFeedSource(source.id)).toMatchObject({ status: "IMPORTED", movedTo: server.url("/moved.xml") });
    expect((await prisma.feedSource.findUniqueOrThrow({ where: { id: source.id } })).url).toBe(server.url("/moved.xml"));
    await syncFeedSource(source.id);
    expect(server.requests.at(-1)?.path).toBe("/moved.xml");
  });

  it("refuses a feed whose DOCTYPE defines entities: no expansion, no file read, nothing stored", async () => {
    const hostile = `<?xml version="1.0"?>
      <!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
      <!ENTITY file SYSTEM "file:///etc/passwd">]>
      <rss version="2.0"><channel><title>Hostile &c;</title><item><title>&file;</title><guid>x</guid>
      <pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
    server.routes.set("/hostile.xml", { body: hostile });
    const outcome = await addFeedSource({ url: server.url("/hostile.xml"), kind: "PODCAST" }).then(
      () => "imported",
      (error: Error) => error.message,
    );
    const texts =
      (await prisma.episode.findMany()).map((episode) => episode.title).join(" ") + (await prisma.show.findMany()).map((show) => show.title).join(" ");
    expect(texts).not.toMatch(/root:|a{30}/);
    expect(outcome).toMatch(/declares its own entities/);
    expect(await prisma.feedSource.count()).toBe(0);
  });
});
