// What a real feed can throw at the writer, on the real database: characters Postgres refuses, one item it cannot
// store, a feed that suddenly empties, an item that reuses another's enclosure. Nothing here may cost the feed.
import { beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { addFeedSource, syncFeedSource } from "@/lib/feeds/sync";
import { resetDatabase } from "../setup/database";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();
const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures/feeds", name), "utf8");

beforeEach(async () => {
  await resetDatabase();
});

async function addFeed(body: string) {
  server.routes.set("/feed.xml", { body });
  return addFeedSource({ url: server.url("/feed.xml"), kind: "PODCAST" });
}

async function syncWith(sourceId: string, body: string) {
  server.routes.set("/feed.xml", { body });
  return syncFeedSource(sourceId);
}

const lastRun = (sourceId: string) => prisma.syncRun.findFirstOrThrow({ where: { sourceId }, orderBy: { startedAt: "desc" } });
const goneGuids = async () => (await prisma.episode.findMany({ where: { goneAt: { not: null } }, orderBy: { guid: "asc" } })).map((row) => row.guid);

describe("text Postgres refuses", () => {
  it("imports every item of a feed with emoji at a length limit, NUL and lone surrogates", async () => {
    const { sync } = await addFeed(fixture("postgres-refuses.xml"));
    expect(sync).toMatchObject({ status: "IMPORTED", created: 3, skipped: [] });
    const episodes = await prisma.episode.findMany({ orderBy: { guid: "asc" } });
    // The emoji at the 600-unit cut is left out whole, never halved.
    expect(episodes[0]!.summary).toBe(`Notes ${"x".repeat(593)}`);
    expect(episodes[1]!.title).toBe("A NUL by reference \uFFFD and a lone surrogate \uFFFD in the title");
    expect(episodes[1]!.summary).toBe("Low surrogate alone: \uFFFD end.");
    expect(episodes[2]!.title).toContain("Raw NUL here:\uFFFD");
    expect(episodes[2]!.notesHtml).toContain("👩‍👩‍👧‍👦");
    for (const episode of episodes) expect(`${episode.title}${episode.summary}${episode.notesHtml}`.isWellFormed()).toBe(true);
    expect((await prisma.show.findFirstOrThrow()).title).toBe("Astral Plane Radio 🛰️");
  });

  it("mends them inside a transaction too, for every model (a stories feed's items)", async () => {
    const { sync } = await addFeed(fixture("small-hours.xml"));
    expect(sync).toMatchObject({ status: "IMPORTED" });
    server.routes.set("/stories.xml", { body: fixture("postgres-refuses.xml") });
    const stories = await addFeedSource({ url: server.url("/stories.xml"), kind: "STORIES" });
    expect(stories.sync).toMatchObject({ status: "IMPORTED", created: 3, skipped: [] });
    const titles = (await prisma.story.findMany({ orderBy: { title: "asc" } })).map((story) => story.title);
    expect(titles).toContain("A NUL by reference \uFFFD and a lone surrogate \uFFFD in the title");
    expect(titles.every((title) => title.isWellFormed() && !title.includes("\0"))).toBe(true);
  });
});

describe("GUIDs that differ only in characters Postgres cannot hold", () => {
  it("are one GUID: the first item is kept and the run says so, nothing is refused", async () => {
    const { sync, source } = await addFeed(fixture("guids-postgres-cannot-tell-apart.xml"));
    expect(sync).toMatchObject({ status: "IMPORTED", created: 2, skipped: [] });
    expect((await prisma.episode.findMany({ orderBy: { title: "asc" } })).map((row) => [row.title, row.guid])).toEqual([
      ["First twin", "twin-\uFFFD"],
      ["Ordinary", "ordinary"],
    ]);
    expect((await lastRun(source.id)).notes).toEqual([
      { item: "Second twin", note: expect.stringContaining("repeats an earlier item of the feed (the same GUID)") },
    ]);
  });
});

describe("an item the database cannot store", () => {
  it("is skipped with the database's reason in the run's log, and the rest of the feed lands", async () => {
    // 1,000 distinct CJK characters (3,000 bytes in UTF-8): within the GUID limit, too long for the GUID's index.
    const hugeGuid = Array.from({ length: 1000 }, (_, index) => String.fromCodePoint(0x4e00 + ((index * 37) % 20000))).join("");
    const { sync, source } = await addFeed(
      fixture("small-hours.xml").replace('<guid isPermaLink="false">small-2</guid>', `<guid isPermaLink="false">${hugeGuid}</guid>`),
    );
    expect(sync).toMatchObject({ status: "IMPORTED", created: 3 });
    expect((await prisma.episode.findMany({ orderBy: { guid: "asc" } })).map((row) => row.guid)).toEqual(["small-1", "small-3", "small-4"]);
    const run = await lastRun(source.id);
    expect(run).toMatchObject({ status: "IMPORTED", created: 3, skipped: 1 });
    expect(run.notes).toEqual([{ item: "Small Hours 2: Midnight", note: expect.stringMatching(/^skipped: the database refused it: .*index row/) }]);
  });
});

describe("a feed that suddenly loses its items", () => {
  it("marks nothing gone on an empty feed, says why, and lets the next sync that finds it empty too mark them", async () => {
    const { source } = await addFeed(fixture("small-hours.xml"));
    const first = await syncWith(source.id, fixture("small-hours-empty.xml"));
    expect(first).toMatchObject({ status: "IMPORTED", gone: 0, heldBack: 4, warning: expect.stringContaining("lists 0 items where it had 4") });
    expect(await goneGuids()).toEqual([]);
    expect(await lastRun(source.id)).toMatchObject({ heldBack: 4, gone: 0, warning: expect.stringContaining("not marked gone") });

    // The same bytes again: read in full (not "unchanged"), and now the loss is confirmed.
    const second = await syncWith(source.id, fixture("small-hours-empty.xml"));
    expect(second).toMatchObject({ status: "IMPORTED", gone: 4, heldBack: 0 });
    expect(await goneGuids()).toEqual(["small-1", "small-2", "small-3", "small-4"]);
  });

  it("holds back when fewer than half remain, and forgets the suspicion once the feed is whole again", async () => {
    const { source } = await addFeed(fixture("small-hours.xml"));
    expect(await syncWith(source.id, fixture("small-hours-one-left.xml"))).toMatchObject({ gone: 0, heldBack: 3 });
    expect(await syncWith(source.id, fixture("small-hours.xml"))).toMatchObject({ status: "IMPORTED", gone: 0, heldBack: 0 });
    // A shrink after a good run is suspicious again, not a confirmation of the old one.
    expect(await syncWith(source.id, fixture("small-hours-one-left.xml"))).toMatchObject({ gone: 0, heldBack: 3 });
    expect(await goneGuids()).toEqual([]);
  });

  it("marks an ordinary departure gone at once", async () => {
    const { source } = await addFeed(fixture("small-hours.xml"));
    const threeLeft = fixture("small-hours.xml").replace(/<item>\s*<title>Small Hours 1[\s\S]*?<\/item>/, "");
    expect(await syncWith(source.id, threeLeft)).toMatchObject({ gone: 1, heldBack: 0 });
    expect(await goneGuids()).toEqual(["small-1"]);
    expect((await lastRun(source.id)).warning).toBeNull();
  });
});

describe("an item with a new GUID and an enclosure already in use", () => {
  it("is imported as its own episode while the other episode is still in the feed, and the run says so", async () => {
    const { source } = await addFeed(fixture("small-hours.xml"));
    const sync = await syncWith(source.id, fixture("small-hours-shared-enclosure.xml"));
    expect(sync).toMatchObject({ status: "IMPORTED", created: 1, unchanged: 4 });
    expect(await prisma.episode.count({ where: { audioUrl: "https://cdn.small.example/4.mp3" } })).toBe(2);
    expect((await lastRun(source.id)).notes).toEqual([
      {
        item: "Small Hours 5: Trailer",
        note: expect.stringContaining(
          'has the enclosure of "Small Hours 4: Morning", which is still in the feed under its own GUID: imported as an episode of its own',
        ),
      },
    ]);
  });

  it("updates the episode it re-publishes when that episode's GUID left the feed, and the run says so", async () => {
    const { source } = await addFeed(fixture("small-hours.xml"));
    const before = await prisma.episode.findUniqueOrThrow({ where: { showId_guid: { showId: source.showId, guid: "small-4" } } });
    const sync = await syncWith(source.id, fixture("small-hours-republished.xml"));
    expect(sync).toMatchObject({ status: "IMPORTED", created: 0, updated: 1, gone: 0 });
    const after = await prisma.episode.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ guid: "small-4-v2", title: "Small Hours 4: Morning (remastered)", slug: before.slug });
    expect((await lastRun(source.id)).notes).toEqual([
      {
        item: "Small Hours 4: Morning (remastered)",
        note: expect.stringContaining('re-published: the enclosure of "Small Hours 4: Morning" under a new GUID (was small-4)'),
      },
    ]);
  });

  it("counts a later item with the re-published item's new GUID as a repeat, not a second episode", async () => {
    const { source } = await addFeed(fixture("small-hours.xml"));
    const republished = fixture("small-hours-republished.xml");
    const twice = republished.replace(
      "</channel>",
      republished.slice(republished.lastIndexOf("<item>"), republished.lastIndexOf("</item>") + 7) + "</channel>",
    );
    expect(await syncWith(source.id, twice)).toMatchObject({ status: "IMPORTED", created: 0, updated: 1, skipped: [] });
    expect(await prisma.episode.count()).toBe(4);
  });
});

describe("a feed read and written in batches", () => {
  const filler = (count: number) =>
    Array.from(
      { length: count },
      (_, index) =>
        `<item><title>Filler ${index}</title><guid>filler-${index}</guid><pubDate>Mon, 02 Nov 2026 08:00:00 +0000</pubDate><enclosure url="https://cdn.small.example/f${index}.mp3" type="audio/mpeg"/></item>`,
    ).join("\n");
  const itemsOf = (xml: string) => xml.slice(xml.indexOf("<item>"), xml.lastIndexOf("</item>") + 7);

  it("decides the GUID/enclosure rule on the whole feed: the episode's own GUID 600 items further down still counts", async () => {
    const { source } = await addFeed(fixture("small-hours.xml"));
    const shared = fixture("small-hours-shared-enclosure.xml");
    const trailer = shared.slice(shared.lastIndexOf("<item>"), shared.lastIndexOf("</item>") + 7);
    const original = itemsOf(fixture("small-hours.xml"));
    const body = shared.replace(itemsOf(shared), `${trailer}\n${filler(600)}\n${original}`);
    expect(await syncWith(source.id, body)).toMatchObject({ status: "IMPORTED", created: 601, unchanged: 4 });
    expect(await prisma.episode.count({ where: { audioUrl: "https://cdn.small.example/4.mp3" } })).toBe(2);
    expect((await lastRun(source.id)).notes).toEqual([
      { item: "Small Hours 5: Trailer", note: expect.stringContaining("still in the feed under its own GUID") },
    ]);
  });

  it("writes nothing when the feed turns out unreadable after its first batch was written", async () => {
    const { source } = await addFeed(fixture("small-hours.xml"));
    const base = fixture("small-hours.xml");
    const body = base.replace(itemsOf(base), `${itemsOf(base)}\n${filler(600)}\n<item><title>Broken</titel></item>`);
    const sync = await syncWith(source.id, body);
    expect(sync).toMatchObject({ status: "FAILED", error: expect.stringContaining("Not a readable RSS or Atom feed") });
    expect(await prisma.episode.count()).toBe(4);
  });
});

describe("a podcast feed without any audio", () => {
  it("imports its items and suggests adding it as a stories feed", async () => {
    const { sync } = await addFeed(fixture("small-hours.xml").replace(/<enclosure[^>]*\/>/g, ""));
    expect(sync).toMatchObject({ status: "IMPORTED", created: 4, warning: expect.stringContaining("--kind stories") });
  });
});
