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

  it("reads entities XML does not define as readers do: HTML's by name, forbidden characters as U+FFFD, anything else as written; CDATA untouched", async () => {
    const xml = readFileSync(path.resolve("tests/fixtures/feeds/undefined-entities.xml"), "utf8");
    const feed = await parsePodcastFeed(xml, { now: new Date("2026-11-20T00:00:00Z") });
    expect(feed.show.title).toBe("Café Radio");
    expect(feed.episodes.map((episode) => episode.title).sort()).toEqual(["L’été indien", "Notes in CDATA", "Plain one"]);
    // The notes are HTML: "&gtgt;" there reads as a browser reads it (">gt;").
    expect(feed.episodes.find((episode) => episode.guid === "cafe-1")?.notesHtml).toContain("Arrows &gt;gt; everywhere, and 5 &lt; 6.");
    expect(feed.episodes.find((episode) => episode.guid === "cafe-2")?.notesHtml).toMatch(/Fish[\s\u00a0]&amp;[\s\u00a0]chips &amp;zzz; stay as written/);
    // References to what XML forbids read as the replacement character.
    expect(feed.episodes.find((episode) => episode.guid === "cafe-3")?.notesHtml).toContain("a NUL (\ufffd) and half an emoji (\ufffd)");
  });

  it("reads a feed whose last closing tag lost its '>' and whose raw text holds characters XML forbids", async () => {
    const xml = `<rss version="2.0"><channel><title>Cut\u0001 Short</title><item><title>Only one\u0000</title><guid>1</guid>
      <pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss \n`;
    const feed = await parsePodcastFeed(xml, { now: new Date("2026-11-20T00:00:00Z") });
    expect(feed.show.title).toBe("Cut\ufffd Short");
    expect(feed.episodes.map((episode) => episode.title)).toEqual(["Only one\ufffd"]);
  });

  it("still refuses a feed that declares entities of its own", async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY boom "boom">]><rss version="2.0"><channel><title>&boom;</title></channel></rss>`;
    await expect(parsePodcastFeed(xml)).rejects.toThrow(FeedParseError);
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
