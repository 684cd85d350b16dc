import { describe, expect, it } from "@jest/globals";
import { hashFeedItem } from "@/lib/feeds/hash";
import { splitFeedItems } from "@/lib/feeds/items";
import { FeedParseError, parsePodcastFeed } from "@/lib/feeds/parse";
import { runParseJob, type EpisodeBatch, type FeedHead, type ParseJobInput } from "@/lib/feeds/parse-job";

const NOW = new Date("2026-12-01T00:00:00Z");

const item = (n: number) => `<item>
  <title>Episode ${n}</title>
  <guid isPermaLink="false">episode-${n}</guid>
  <pubDate>${new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toUTCString()}</pubDate>
  <enclosure url="https://cdn.example/${n}.mp3" length="1000" type="audio/mpeg"/>
  <description>Notes for episode ${n}</description>
</item>`;

const feedOf = (items: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Batches</title><link>https://example.org/</link>\n${items.join("\n")}\n</channel></rss>`;

const items = (count: number) => Array.from({ length: count }, (_, index) => item(index + 1));

async function read(xml: string, input: Partial<ParseJobInput> = {}) {
  const parts = [];
  for await (const part of runParseJob({ bytes: Buffer.from(xml), now: NOW, ...input })) parts.push(part);
  const [first, ...rest] = parts;
  if (!first || !("head" in first)) throw new Error("the channel did not come first");
  const batches = rest.map((part) => (part as { batch: EpisodeBatch }).batch);
  return { head: first.head as FeedHead, batches, episodes: batches.flatMap((batch) => batch.episodes) };
}

describe("reading a big feed batch by batch", () => {
  it("sends the channel first, then every episode in batches, as one parse of the whole feed gives them", async () => {
    const xml = feedOf(items(1200));
    const { head, batches, episodes } = await read(xml);
    expect(head).toMatchObject({ show: { title: "Batches" }, itemCount: 1200 });
    expect(batches.map((batch) => batch.episodes.length)).toEqual([500, 500, 200]);
    expect(episodes).toEqual((await parsePodcastFeed(xml, { now: NOW })).episodes);
    // Each episode carries the hash of its own item's text, so the next sync can skip it.
    const pieces = splitFeedItems(xml)!.items;
    expect(batches.flatMap((batch) => batch.itemHashes)).toEqual(pieces.map(hashFeedItem));
  });

  it("reads only the items that changed since the hashes it is given", async () => {
    const pieces = items(1200);
    const known = pieces.slice(0, 1100).map(hashFeedItem);
    const { head, episodes } = await read(feedOf([item(1201), ...pieces]), { knownItemHashes: known });
    expect(head.itemCount).toBe(101);
    expect(head.unchangedItemHashes).toHaveLength(1100);
    expect(episodes.map((episode) => episode.guid)).toEqual(["episode-1201", ...pieces.slice(1100).map((_, index) => `episode-${1101 + index}`)]);
  });

  it("reads the rest of the feed as one document when a later batch does not hold its items (an Atom entry in RSS)", async () => {
    const pieces = items(1200);
    pieces[700] = "<entry><title>Not an RSS item</title></entry>";
    const { batches, episodes } = await read(feedOf(pieces));
    expect(episodes).toHaveLength(1199);
    expect(episodes.some((episode) => episode.title === "Not an RSS item")).toBe(false);
    expect(batches[0]!.itemHashes).toHaveLength(500);
    expect(batches.slice(1).every((batch) => batch.itemHashes === undefined)).toBe(true);
  });

  it("reads the whole feed as one document when the first batch does not hold its items", async () => {
    const pieces = items(700);
    pieces[3] = "<entry><title>Not an RSS item</title></entry>";
    const { head, batches, episodes } = await read(feedOf(pieces));
    expect(head.itemCount).toBe(699);
    expect(episodes).toHaveLength(699);
    expect(batches.every((batch) => batch.itemHashes === undefined)).toBe(true);
  });

  it("fails with the parser's reason when the rest of the feed cannot be read, after the first batch went out", async () => {
    const pieces = items(700);
    pieces[650] = "<item><title>Broken</titel></item>";
    const received: unknown[] = [];
    const reading = (async () => {
      for await (const part of runParseJob({ bytes: Buffer.from(feedOf(pieces)), now: NOW })) received.push(part);
    })();
    await expect(reading).rejects.toThrow(FeedParseError);
    expect(received).toHaveLength(2);
  });
});
