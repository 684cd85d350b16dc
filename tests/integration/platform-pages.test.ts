// Platform pages a producer pastes: the show's row, episode links filled from Apple's API, a clear word when the
// API is out of reach, and an episode linked by hand winning over what a source matched.
import { beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { asStaff } from "@/lib/auth/staff";
import { prisma } from "@/lib/db";
import { getEpisode, listenLinks } from "@/lib/episodes/episodes";
import { linkEpisodeByHand, saveShowPlatformPages } from "@/lib/platforms/pages";
import { addFeedSource } from "@/lib/feeds/sync";
import { resetDatabase } from "../setup/database";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();
const admin = asStaff({ id: "admin-token", name: "Admin", email: "", role: "ADMIN", banned: false, nameChosen: true }, "ADMIN")!;
const APPLE = "https://podcasts.apple.com/us/podcast/the-long-signal/id1000000001";
const pages = { showSlug: "the-long-signal", appleUrl: APPLE, spotifyUrl: null, youtubeUrl: "https://www.youtube.com/@longsignal", rumbleUrl: null };

beforeEach(async () => {
  await resetDatabase();
  server.routes.clear();
  server.routes.set("/feed.xml", { body: readFileSync(path.resolve("lib/demo/content/long-signal.xml"), "utf8") });
  await addFeedSource({ url: server.url("/feed.xml"), kind: "PODCAST" });
});

describe("platform pages pasted in the admin", () => {
  it("set the show's row, and the Apple page fills in each episode's own link", async () => {
    server.routes.set("/lookup?id=1000000001&entity=podcastEpisode&limit=200", {
      body: readFileSync(path.resolve("lib/demo/content/platforms/apple-lookup.json"), "utf8"),
      contentType: "application/json",
    });
    const message = await saveShowPlatformPages(admin, pages, { platformApi: { appleLookupBase: server.url("/lookup") } });
    expect(message).toMatch(/^Saved The Long Signal's pages on the platforms\. Episode links from Apple Podcasts: /);
    const links = listenLinks((await getEpisode("bridges-nobody-inspects"))!);
    expect(links.find((link) => link.platform === "apple")).toMatchObject({
      episodeLevel: true,
      url: expect.stringMatching(/^https:\/\/podcasts\.apple\.com\/.+\?i=\d+$/),
    });
    expect(links.find((link) => link.platform === "youtube")).toEqual({
      platform: "youtube",
      label: "YouTube",
      url: "https://www.youtube.com/@longsignal",
      episodeLevel: false,
    });
  });

  it("keep the show's page when Apple's lookup cannot be reached, and say so plainly", async () => {
    const message = await saveShowPlatformPages(admin, pages, { platformApi: { appleLookupBase: "http://127.0.0.1:1/lookup" } });
    expect(message).toMatch(/Apple Podcasts' lookup could not be reached \(ECONNREFUSED\): is this server online\?/);
    expect(message).toMatch(/The show's page is saved/);
    expect(await prisma.show.findUniqueOrThrow({ where: { slug: "the-long-signal" }, select: { appleUrl: true } })).toEqual({ appleUrl: APPLE });
    expect(await prisma.feedSource.count({ where: { kind: "APPLE" } })).toBe(0);
  });

  it("link an episode by hand, ahead of what a source matched, and again replaces the earlier one", async () => {
    const episode = await prisma.episode.findUniqueOrThrow({ where: { slug: "bridges-nobody-inspects" } });
    await prisma.episodeLink.create({
      data: {
        episodeId: episode.id,
        platform: "youtube",
        url: "https://www.youtube.com/watch?v=matched0001",
        method: "SIMILARITY",
        confidence: 0.9,
        status: "AUTO",
      },
    });
    await linkEpisodeByHand(admin, { episodeSlug: episode.slug, platform: "youtube", url: "https://www.youtube.com/watch?v=byhand00001" });
    await linkEpisodeByHand(admin, { episodeSlug: episode.slug, platform: "youtube", url: "https://www.youtube.com/watch?v=byhand00002" });
    expect(listenLinks((await getEpisode(episode.slug))!).find((link) => link.platform === "youtube")?.url).toBe("https://www.youtube.com/watch?v=byhand00002");
    expect(await prisma.episodeLink.count({ where: { episodeId: episode.id, method: "MANUAL" } })).toBe(1);
  });
});
