import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FeedParseError, parsePodcastFeed } from "@/lib/feeds/parse";

const youtube = readFileSync(path.resolve("tests/fixtures/feeds/long-signal-youtube.xml"), "utf8");
const namespaceExample = readFileSync(path.resolve("tests/fixtures/feeds/real-world/podcast-namespace__example.xml"), "utf8");

describe("parsePodcastFeed on feeds strict parsers reject", () => {
  it("keeps a YouTube feed whose one entry has an unreadable date, dating that entry by its update", async () => {
    const broken = youtube.replace("<published>2026-11-10T18:30:00+00:00</published>", "<published>yesterday-ish</published>");
    const feed = await parsePodcastFeed(broken, { now: new Date("2026-11-20T00:00:00Z") });
    expect(feed.episodes).toHaveLength(4);
    expect(feed.episodes.find((episode) => episode.guid === "yt:video:repairshop1")?.publishedAt).toEqual(new Date("2026-11-11T01:00:00Z"));
  });

  it("reads a feed with a bare ampersand, no version and junk before the declaration", async () => {
    const xml = `\n\n<?xml version="1.0"?><rss><channel><title>Q&A Hour</title><item><title>Tips & Tricks</title><guid>1</guid>
      <pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`;
    const feed = await parsePodcastFeed(xml, { now: new Date("2026-11-20T00:00:00Z") });
    expect(feed.show.title).toBe("Q&A Hour");
    expect(feed.episodes.map((episode) => episode.title)).toEqual(["Tips & Tricks"]);
  });
});

describe("parsePodcastFeed on enclosures", () => {
  it("takes sound and video as an episode's media, never an image", async () => {
    const macworld = readFileSync(path.resolve("tests/fixtures/feeds/real-world/RSParser__macworld.rss"), "utf8");
    const feed = await parsePodcastFeed(macworld, { now: new Date("2030-01-01") });
    expect(feed.episodes.length).toBeGreaterThan(0);
    expect(feed.episodes.every((episode) => episode.audioUrl === undefined)).toBe(true);

    const untyped = `<rss version="2.0"><channel><title>T</title>
      <item><title>A</title><guid>a</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><enclosure url="https://cdn.example/a.mp3?x=1"/></item>
      <item><title>B</title><guid>b</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate><enclosure url="https://cdn.example/b.jpg"/></item>
    </channel></rss>`;
    const parsed = await parsePodcastFeed(untyped, { now: new Date("2030-01-01") });
    expect(parsed.episodes.map((episode) => episode.audioUrl)).toEqual(["https://cdn.example/a.mp3?x=1", undefined]);
  });
});

describe("parsePodcastFeed on the Podcasting 2.0 namespace", () => {
  it("reads transcripts, chapters, people, soundbites and the show's GUID and lock", async () => {
    const feed = await parsePodcastFeed(namespaceExample, { feedUrl: "https://example.com/feed.xml", now: new Date("2030-01-01") });
    expect(feed.show.locked).toBe(true);
    expect(feed.show.podcastGuid).toBe("y0ur-gu1d-g035-h3r3");
    const episode = feed.episodes.find((candidate) => candidate.transcripts.length > 0)!;
    expect(episode.transcripts[0]).toEqual(expect.objectContaining({ url: expect.stringMatching(/^https:/), type: expect.any(String) }));
    expect(episode.chaptersUrl).toMatch(/^https:/);
    expect(episode.persons.length).toBeGreaterThan(0);
    expect(episode.persons[0]).toEqual(expect.objectContaining({ name: expect.any(String) }));
    expect(feed.episodes.some((candidate) => candidate.soundbites.length > 0)).toBe(true);
  });
});

describe("one document's failure never reaches the next", () => {
  it("parses a good feed after one that broke the XML parser midway", async () => {
    const { feeds } = JSON.parse(readFileSync(path.resolve("tests/fixtures/feed-parser-wedged.json"), "utf8")) as { feeds: string[] };
    for (const feed of feeds) await expect(parsePodcastFeed(feed)).rejects.toThrow(FeedParseError);
    const good = `<?xml version="1.0"?><rss version="2.0"><channel><title>Fine</title><item><title>One</title><guid>1</guid><enclosure url="https://a.example/1.mp3" type="audio/mpeg" length="1"/></item></channel></rss>`;
    for (let attempt = 0; attempt < 3; attempt += 1) expect((await parsePodcastFeed(good)).episodes.map((episode) => episode.title)).toEqual(["One"]);
  });
});
