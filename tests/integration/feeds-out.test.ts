// Showfront's own podcast feed: it carries what directories require, answers 304 when unchanged, and importing it
// into a fresh show gives back the same episodes.
import { beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import Parser from "rss-parser";
import { prisma } from "@/lib/db";
import { fetchEpisodeExtras } from "@/lib/feeds/extras";
import { importPodcastFeed } from "@/lib/feeds/import";
import { addFeedSource } from "@/lib/feeds/sync";
import { feedResponse } from "@/lib/syndication/conditional";
import { buildPodcastFeed, podcastFeedVersion } from "@/lib/syndication/podcast-feed";
import { buildJsonFeed, buildOpml, buildStoriesRss, opmlVersion, storiesFeedVersion } from "@/lib/syndication/site-feeds";
import { resetDatabase } from "../setup/database";
import { createStory } from "../setup/factories";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();
const SITE = "https://show.example";
const demoFeed = readFileSync(path.resolve("lib/demo/content/long-signal.xml"), "utf8");

beforeEach(resetDatabase);

async function demoShow() {
  const imported = await importPodcastFeed(demoFeed);
  await prisma.show.update({ where: { id: imported.showId }, data: { artworkUrl: "https://cdn.example/cover.jpg" } });
  return imported;
}

async function ourFeed(slug: string) {
  const version = (await podcastFeedVersion(slug))!;
  return (await buildPodcastFeed(slug, SITE, version))!;
}

describe("the podcast feed Showfront publishes", () => {
  it("has every tag Apple and Spotify require, and the podcast namespace's", async () => {
    const { showSlug } = await demoShow();
    const xml = await ourFeed(showSlug);
    const parser = new Parser({
      customFields: {
        feed: ["podcast:guid", "itunes:explicit"],
        item: [["podcast:transcript", "transcripts", { keepArray: true }], ["podcast:person", "persons", { keepArray: true }], "podcast:chapters"],
      },
    });
    type Item = Record<string, unknown> & { title: string; guid: string; enclosure: unknown; itunes?: { duration?: string } };
    const feed = (await parser.parseString(xml)) as unknown as { title: string; language: string; itunes: Record<string, unknown>; items: Item[] };
    expect(feed.title).toBe("The Long Signal");
    expect(feed.language).toBe("en-us");
    expect(feed.itunes).toMatchObject({ image: "https://cdn.example/cover.jpg", author: "Maya Okafor & Dan Reyes", categories: ["Technology"] });
    expect(xml).toContain('<atom:link href="https://show.example/shows/the-long-signal/feed.xml" rel="self" type="application/rss+xml"/>');
    expect(xml).toContain("<itunes:explicit>false</itunes:explicit>");
    expect(feed.items).toHaveLength(8);
    for (const item of feed.items) {
      expect(item.title).toBeTruthy();
      expect(item.guid).toMatch(/^long-signal-/);
      expect(item.enclosure).toMatchObject({
        url: expect.stringMatching(/^https:\/\/show\.example\/demo\/audio\/[a-z-]+-\d+s\.wav$/),
        type: "audio/wav",
        length: expect.stringMatching(/^\d{7,8}$/),
      });
      expect(item.itunes?.duration).toMatch(/^\d+$/);
    }
    const repair = feed.items.find((item) => item.guid === "long-signal-0107")!;
    expect(repair.transcripts).toHaveLength(2);
    expect(repair.persons).toHaveLength(2);
    expect(repair["podcast:chapters"]).toBeTruthy();
    // The feed's <script> was sanitized away at import and stays away.
    expect(xml).not.toContain("<script");
  });

  it("answers 304 to a client that has the current version, and 200 again once an episode changes", async () => {
    const { showSlug } = await demoShow();
    const serve = async (headers: Record<string, string> = {}) =>
      feedResponse(new Request(`${SITE}/feed`, { headers }), "application/rss+xml", await podcastFeedVersion(showSlug), async () => ourFeed(showSlug));
    const first = await serve();
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    expect((await serve({ "if-none-match": etag })).status).toBe(304);
    expect((await serve({ "if-modified-since": first.headers.get("last-modified")! })).status).toBe(304);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await prisma.episode.updateMany({ where: { guid: "long-signal-0108" }, data: { title: "Bridges Nobody Inspects (remastered)" } });
    const changed = await serve({ "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain("(remastered)");
    expect((await feedResponse(new Request(SITE), "x", null, async () => "")).status).toBe(404);
  });

  it("round-trips: importing it into a fresh show gives the same episodes", async () => {
    const { showId, showSlug } = await demoShow();
    await fetchEpisodeExtras({ showId });
    server.routes.set("/ours.xml", { body: await ourFeed(showSlug), contentType: "application/rss+xml" });
    const { source } = await addFeedSource({ url: server.url("/ours.xml"), kind: "PODCAST" });

    const fields = {
      guid: true,
      title: true,
      summary: true,
      notesHtml: true,
      publishedAt: true,
      durationSeconds: true,
      audioUrl: true,
      audioType: true,
      audioLength: true,
      season: true,
      number: true,
      episodeType: true,
      explicit: true,
      transcripts: true,
      chaptersUrl: true,
      persons: true,
    } as const;
    const original = await prisma.episode.findMany({ where: { showId }, select: fields, orderBy: { guid: "asc" } });
    const copy = await prisma.episode.findMany({ where: { showId: source.showId }, select: fields, orderBy: { guid: "asc" } });
    const absolute = (url: string | null) => (url ? new URL(url, SITE).toString() : url);
    expect(copy).toEqual(
      original.map((episode) => ({
        ...episode,
        audioUrl: absolute(episode.audioUrl),
        chaptersUrl: absolute(episode.chaptersUrl),
        transcripts: (episode.transcripts as { url: string }[] | null)?.map((transcript) => ({ ...transcript, url: absolute(transcript.url) })) ?? null,
      })),
    );
  });
});

describe("the site's other feeds", () => {
  it("publishes stories as RSS with their full text, episodes and stories as a JSON Feed, and every show as OPML", async () => {
    await demoShow();
    await createStory({ slug: "full-text", title: "Full Text", dek: "The dek.", body: "First paragraph with **bold**.\n\nSecond paragraph." });
    await createStory({ slug: "a-draft", title: "A Draft", status: "DRAFT", publishedAt: null });

    const rss = await new Parser().parseString(await buildStoriesRss(SITE, await storiesFeedVersion()));
    expect(rss.items.map((item) => item.title)).toEqual(["Full Text"]);
    expect(rss.items[0]!["content:encoded"]).toContain("<strong>bold</strong>");
    expect(rss.items[0]!.link).toBe("https://show.example/stories/full-text");

    const json = JSON.parse(await buildJsonFeed(SITE)) as { version: string; items: { id: string; tags: string[]; attachments?: { url: string }[] }[] };
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
    expect(json.items).toHaveLength(9);
    const episode = json.items.find((item) => item.tags.includes("episode"))!;
    expect(episode.attachments?.[0]?.url).toBe("https://show.example/demo/audio/bridges-3492s.wav");

    const opml = await buildOpml(SITE, await opmlVersion());
    expect(opml).toContain('xmlUrl="https://show.example/shows/the-long-signal/feed.xml"');
    expect(opml).toMatch(/<opml version="2.0">/);
  });
});
