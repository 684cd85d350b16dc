// Every real-world feed in tests/fixtures/feeds/real-world, served over HTTP as the bytes its publisher wrote:
// each one either imports every item it has (less those skipped by rule, each with a reason) or fails with a
// recorded, readable error. None crashes the import or leaves half a show behind.
import { beforeAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { addFeedSource } from "@/lib/feeds/sync";
import { resetDatabase } from "../setup/database";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();

const FOLDER = path.resolve("tests/fixtures/feeds/real-world");
const feeds = readFileSync(path.join(FOLDER, "SOURCES.tsv"), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((line) => line.split("\t"))
  .map(([file, , , , kind, items]) => ({ file: file!, kind: kind!, items: Number(items) }));

// Not feeds a lenient reader could use either: an HTML page, and an <rss/> without a channel. (Two whose last
// closing tag lost its ">" are read now, as feedparser reads them.)
const UNREADABLE = new Set(["rss-parser__unrecognized.rss", "feedparser__utf-16le-bom.xml"]);

beforeAll(resetDatabase);

describe("real-world feeds", () => {
  it.each(feeds.filter(({ file }) => !UNREADABLE.has(file)))("imports $file ($kind, $items items)", async ({ file, items }) => {
    server.routes.set(`/${file}`, { body: readFileSync(path.join(FOLDER, file)), contentType: "application/xml" });
    // Some of these feeds are podcast:locked; the locking rule has its own test in feed-sync.test.ts.
    const { source, sync } = await addFeedSource({ url: server.url(`/${file}`), kind: "PODCAST", ownerConfirmed: true });
    expect(sync.status).toBe("IMPORTED");
    if (sync.status !== "IMPORTED") return;
    expect((sync.created ?? 0) + (sync.updated ?? 0) + (sync.unchanged ?? 0) + (sync.skipped?.length ?? 0)).toBeLessThanOrEqual(items);
    for (const skipped of sync.skipped ?? []) expect(skipped.reason).toMatch(/\w/);
    const stored = await prisma.episode.count({ where: { sourceId: source.id } });
    expect(stored).toBe(sync.created);
    // Every item is an episode or a skip with a reason; a feed that repeats GUIDs yields fewer episodes, never more.
    if (items > 0) expect(stored + (sync.skipped?.length ?? 0)).toBeGreaterThan(0);
  });

  it.each([...UNREADABLE])("refuses %s with a readable reason and stores nothing", async (file) => {
    server.routes.set(`/${file}`, { body: readFileSync(path.join(FOLDER, file)), contentType: "application/xml" });
    const before = await prisma.show.count();
    await expect(addFeedSource({ url: server.url(`/${file}`), kind: "PODCAST", ownerConfirmed: true })).rejects.toThrow(/Not a readable RSS or Atom feed/);
    expect(await prisma.show.count()).toBe(before);
  });
});
