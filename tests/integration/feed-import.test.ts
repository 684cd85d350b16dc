import { beforeEach, describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { prisma } from "@/lib/db";
import { importPodcastFeed } from "@/lib/feeds/import";
import { FeedParseError } from "@/lib/feeds/parse";
import { DEMO_FEED } from "@/lib/demo/seed";
import { resetDatabase } from "../setup/database";

function feed(items: string, channel = "<title>Test Show</title>") {
  return `<?xml version="1.0"?><rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>${channel}${items}</channel></rss>`;
}

beforeEach(resetDatabase);

describe("importPodcastFeed", () => {
  it("imports the demo feed with its show, numbering, durations and types", async () => {
    const result = await importPodcastFeed(await readFile(DEMO_FEED, "utf8"));
    expect(result).toMatchObject({ created: 8, updated: 0, skipped: [] });

    const show = await prisma.show.findUniqueOrThrow({ where: { slug: "the-long-signal" } });
    expect(show.author).toBe("Maya Okafor & Dan Reyes");

    const latest = await prisma.episode.findUniqueOrThrow({ where: { slug: "bridges-nobody-inspects" } });
    expect(latest).toMatchObject({ season: 2, number: 8, durationSeconds: 58 * 60 + 12, episodeType: "FULL", audioLength: 55872044n });
    expect(latest.audioUrl).toBe("/demo/audio/bridges-3492s.wav");
    expect(latest.publishedAt).toEqual(new Date("2026-11-17T06:00:00Z"));
    const types = await prisma.episode.findMany({ where: { episodeType: { not: "FULL" } }, select: { episodeType: true } });
    expect(types.map((row) => row.episodeType).sort()).toEqual(["BONUS", "TRAILER"]);
  });

  it("sanitizes show notes: no scripts, links marked as user content", async () => {
    await importPodcastFeed(await readFile(DEMO_FEED, "utf8"));
    const { notesHtml } = await prisma.episode.findUniqueOrThrow({ where: { slug: "bridges-nobody-inspects" } });
    expect(notesHtml).not.toMatch(/<script|alert\(/);
    expect(notesHtml).toContain('<a href="https://data.example.org/bridges" rel="nofollow ugc noopener">');
  });

  it("updates only the changed episode on a second import and keeps its slug", async () => {
    const xml = await readFile(DEMO_FEED, "utf8");
    await importPodcastFeed(xml);
    const renamed = xml.replace("<title>Bridges Nobody Inspects</title>", "<title>Bridges Nobody Inspects (Updated)</title>");
    const result = await importPodcastFeed(renamed);
    expect(result).toMatchObject({ created: 0, updated: 1, unchanged: 7 });
    expect(await prisma.episode.count()).toBe(8);
    const episode = await prisma.episode.findUniqueOrThrow({ where: { slug: "bridges-nobody-inspects" } });
    expect(episode.title).toBe("Bridges Nobody Inspects (Updated)");
  });

  it("skips an unusable item, holds back a future one, and dates an undated one when first seen", async () => {
    const before = Date.now();
    const xml = feed(`
      <item><title>Good</title><guid>a</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>
      <item><title>No date</title><guid>b</guid><pubDate>not a date</pubDate></item>
      <item><title></title><guid>c</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>
      <item><title>Next year</title><guid>d</guid><pubDate>${new Date(Date.now() + 400 * 86_400_000).toUTCString()}</pubDate></item>`);
    const result = await importPodcastFeed(xml);
    expect(result.created).toBe(2);
    expect(result.skipped.map((item) => [item.index, item.reason])).toEqual([
      [2, expect.stringMatching(/title/)],
      [3, expect.stringMatching(/future/)],
    ]);
    const undated = await prisma.episode.findFirstOrThrow({ where: { guid: "b" } });
    expect(undated.publishedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("gives distinct slugs to episodes with the same title", async () => {
    const item = (guid: string) => `<item><title>Same Title</title><guid>${guid}</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item>`;
    await importPodcastFeed(feed(item("one") + item("two")));
    const slugs = (await prisma.episode.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((row) => row.slug);
    expect(slugs).toEqual(["same-title", "same-title-2"]);
  });

  it("rejects what is not a feed and changes nothing", async () => {
    await importPodcastFeed(await readFile(DEMO_FEED, "utf8"));
    const before = await prisma.episode.findMany({ orderBy: { slug: "asc" } });
    await expect(importPodcastFeed("<html><body>Document moved</body></html>")).rejects.toBeInstanceOf(FeedParseError);
    await expect(importPodcastFeed('<rss version="2.0"><channel><title>Cut off</title><item><title>')).rejects.toBeInstanceOf(FeedParseError);
    expect(await prisma.episode.findMany({ orderBy: { slug: "asc" } })).toEqual(before);
  });
});
