import { beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { getEpisode, listenLinks } from "@/lib/episodes/episodes";
import { decideEpisodeLink } from "@/lib/feeds/links";
import { visibleLinks } from "../setup/links";
import { addFeedSource, syncFeedSource } from "@/lib/feeds/sync";
import { resetDatabase } from "../setup/database";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();

const fixture = (name: string) => readFileSync(path.resolve("tests/fixtures/feeds", name), "utf8");
const podcastFeed = readFileSync(path.resolve("lib/demo/content/long-signal.xml"), "utf8");
const youtubeFeed = fixture("long-signal-youtube.xml");

async function setUpShow() {
  server.routes.set("/podcast.xml", { body: podcastFeed });
  server.routes.set("/youtube.xml", { body: youtubeFeed, contentType: "application/atom+xml" });
  const podcast = await addFeedSource({ url: server.url("/podcast.xml"), kind: "PODCAST" });
  const show = await prisma.show.findUniqueOrThrow({ where: { id: podcast.source.showId } });
  const youtube = await addFeedSource({ url: server.url("/youtube.xml"), kind: "YOUTUBE", showSlug: show.slug });
  return { podcast, youtube };
}

async function linksBySlug() {
  const links = await prisma.episodeLink.findMany({ select: { status: true, url: true, episode: { select: { slug: true } } } });
  return Object.fromEntries(links.map((link) => [link.episode.slug, { status: link.status, url: link.url }]));
}

beforeEach(async () => {
  await resetDatabase();
  server.routes.clear();
});

describe("links from episodes to their videos", () => {
  it("links each video to its episode and leaves clips alone", async () => {
    const { youtube } = await setUpShow();
    expect(youtube.sync).toMatchObject({ status: "IMPORTED", created: 4 });
    expect((await prisma.show.findUniqueOrThrow({ where: { id: youtube.source.showId } })).youtubeUrl).toBe(
      "https://www.youtube.com/channel/UClongsignal000000000000",
    );
    expect(await linksBySlug()).toEqual({
      "bridges-nobody-inspects": { status: "AUTO", url: "https://www.youtube.com/watch?v=bridges0001" },
      "the-quiet-economics-of-repair-shops": { status: "AUTO", url: "https://www.youtube.com/watch?v=repairshop1" },
      "night-buses-and-the-people-who-drive-them": { status: "AUTO", url: "https://www.youtube.com/watch?v=nightbuses1" },
    });
    const episode = await prisma.episode.findUniqueOrThrow({ where: { slug: "bridges-nobody-inspects" } });
    expect(await visibleLinks(episode.id)).toEqual([
      expect.objectContaining({ platform: "youtube", url: "https://www.youtube.com/watch?v=bridges0001", method: "SIMILARITY" }),
    ]);
  });

  it("gives each episode page its own links where matched, and the show's elsewhere", async () => {
    await setUpShow();
    const linked = await getEpisode("bridges-nobody-inspects");
    expect(listenLinks(linked!)).toEqual([
      { platform: "youtube", label: "YouTube", url: "https://www.youtube.com/watch?v=bridges0001", episodeLevel: true },
      { platform: "rss", label: "RSS", url: server.url("/podcast.xml"), episodeLevel: false },
    ]);
    const unlinked = await getEpisode("who-owns-the-map");
    expect(listenLinks(unlinked!)).toEqual([
      { platform: "youtube", label: "YouTube", url: "https://www.youtube.com/channel/UClongsignal000000000000", episodeLevel: false },
      { platform: "rss", label: "RSS", url: server.url("/podcast.xml"), episodeLevel: false },
    ]);
  });

  it("keeps videos that dropped out of a feed that lists only the newest, and their links", async () => {
    const { youtube } = await setUpShow();
    const onlyNewest = youtubeFeed.replace(/<entry>\s*<id>yt:video:(repairshop1|nightbuses1)[\s\S]*?<\/entry>/g, "");
    server.routes.set("/youtube.xml", { body: onlyNewest, contentType: "application/atom+xml" });
    expect(await syncFeedSource(youtube.source.id)).toMatchObject({ status: "IMPORTED" });
    expect(await prisma.platformItem.count()).toBe(4);
    expect(Object.keys(await linksBySlug())).toHaveLength(3);
  });

  it("never overrides a person's decision on a later sync", async () => {
    const { youtube } = await setUpShow();
    const link = await prisma.episodeLink.findFirstOrThrow({ where: { episode: { slug: "night-buses-and-the-people-who-drive-them" } } });
    await decideEpisodeLink(link.id, "REJECTED");
    await syncFeedSource(youtube.source.id, { force: true });
    const after = await prisma.episodeLink.findMany({ where: { episode: { slug: "night-buses-and-the-people-who-drive-them" } } });
    expect(after).toEqual([expect.objectContaining({ id: link.id, status: "REJECTED" })]);
  });
});
