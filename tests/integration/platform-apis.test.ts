import { beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { visibleLinks } from "../setup/links";
import { appleLookupUrl, spotifyEpisodesUrl } from "@/lib/platforms/apis";
import { addFeedSource } from "@/lib/feeds/sync";
import { resetDatabase } from "../setup/database";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();

const demoFeed = readFileSync(path.resolve("lib/demo/content/long-signal.xml"), "utf8");

beforeEach(async () => {
  await resetDatabase();
  server.routes.clear();
  server.routes.set("/feed.xml", { body: demoFeed });
});

async function demoShow() {
  const { source } = await addFeedSource({ url: server.url("/feed.xml"), kind: "PODCAST" });
  return prisma.show.findUniqueOrThrow({ where: { id: source.showId } });
}

const APPLE_ANSWER = {
  resultCount: 3,
  results: [
    { wrapperType: "track", kind: "podcast", collectionId: 1234567890, collectionName: "The Long Signal" },
    {
      wrapperType: "podcastEpisode",
      kind: "podcast-episode",
      trackName: "Bridges Nobody Inspects",
      episodeGuid: "long-signal-0108",
      trackViewUrl: "https://podcasts.apple.com/us/podcast/bridges-nobody-inspects/id1234567890?i=1000600000001",
      releaseDate: "2026-11-17T06:00:00Z",
      trackTimeMillis: 3492000,
    },
    {
      wrapperType: "podcastEpisode",
      kind: "podcast-episode",
      trackName: "An episode we do not have",
      episodeGuid: "someone-else-1",
      trackViewUrl: "https://podcasts.apple.com/us/podcast/other/id1234567890?i=1000600000002",
      releaseDate: "2026-11-01T06:00:00Z",
    },
  ],
};

describe("episode links from platform APIs", () => {
  it("links Apple Podcasts episodes by their GUID", async () => {
    const show = await demoShow();
    server.routes.set("/lookup?id=1234567890&entity=podcastEpisode&limit=200", { body: JSON.stringify(APPLE_ANSWER), contentType: "application/json" });
    const { sync } = await addFeedSource(
      { url: "https://podcasts.apple.com/us/podcast/the-long-signal/id1234567890", kind: "APPLE", showSlug: show.slug },
      { platformApi: { appleLookupBase: server.url("/lookup") } },
    );
    expect(sync).toMatchObject({ status: "IMPORTED", created: 2 });
    const episode = await prisma.episode.findUniqueOrThrow({ where: { slug: "bridges-nobody-inspects" } });
    expect(await visibleLinks(episode.id)).toEqual([{ platform: "apple", url: APPLE_ANSWER.results[1]!.trackViewUrl, method: "GUID", confidence: 1 }]);
    expect((await prisma.show.findUniqueOrThrow({ where: { id: show.id } })).appleUrl).toBe(
      "https://podcasts.apple.com/us/podcast/the-long-signal/id1234567890",
    );
  });

  it("links Spotify episodes by title, date and length, with the client-credentials token", async () => {
    const show = await demoShow();
    server.routes.set("/api/token", {
      body: JSON.stringify({ access_token: "token-1", token_type: "Bearer", expires_in: 3600 }),
      contentType: "application/json",
    });
    server.routes.set("/v1/shows/4rOoJ6Egrf8K2IrywzwOMk/episodes?limit=50&market=US", {
      contentType: "application/json",
      body: JSON.stringify({
        items: [
          {
            id: "sp1",
            name: "Bridges Nobody Inspects",
            release_date: "2026-11-17",
            duration_ms: 3492000,
            external_urls: { spotify: "https://open.spotify.com/episode/sp1" },
          },
          null,
        ],
      }),
    });
    const { sync } = await addFeedSource(
      { url: "https://open.spotify.com/show/4rOoJ6Egrf8K2IrywzwOMk", kind: "SPOTIFY", showSlug: show.slug },
      { platformApi: { spotifyApiBase: server.url("/v1"), tokenUrl: server.url("/api/token") } },
    );
    expect(sync).toMatchObject({ status: "IMPORTED", created: 1 });
    expect(server.requests.find((request) => request.path.startsWith("/v1/"))?.headers.authorization).toBe("Bearer token-1");
    const episode = await prisma.episode.findUniqueOrThrow({ where: { slug: "bridges-nobody-inspects" } });
    expect(await visibleLinks(episode.id)).toEqual([
      expect.objectContaining({ platform: "spotify", url: "https://open.spotify.com/episode/sp1", method: "SIMILARITY" }),
    ]);
  });

  it("reads show ids from the addresses people copy", () => {
    expect(appleLookupUrl("https://podcasts.apple.com/us/podcast/the-long-signal/id1234567890?uo=4")).toContain("id=1234567890");
    expect(() => appleLookupUrl("https://example.org/podcast")).toThrow(/not an Apple Podcasts show address/);
    expect(spotifyEpisodesUrl("https://open.spotify.com/show/4rOoJ6Egrf8K2IrywzwOMk?si=abc")).toContain("/shows/4rOoJ6Egrf8K2IrywzwOMk/");
    expect(() => spotifyEpisodesUrl("https://open.spotify.com/episode/x")).toThrow(/not a Spotify show address/);
  });
});
