import { beforeEach, describe, expect, it } from "@jest/globals";
import { prisma } from "@/lib/db";
import { DEMO_ADMIN_EMAIL } from "@/lib/demo/community";
import { seedDemoContent } from "@/lib/demo/seed";
import { getEpisode, listenLinks } from "@/lib/episodes/episodes";
import { resetDatabase } from "../setup/database";

beforeEach(resetDatabase);

describe("seedDemoContent", () => {
  it("fills an empty database once, and leaves one with content alone", async () => {
    const steps: string[] = [];
    expect(await seedDemoContent((step) => steps.push(step))).toBe(true);
    expect(steps.length).toBeGreaterThan(0);
    const counts = { shows: await prisma.show.count(), episodes: await prisma.episode.count(), stories: await prisma.story.count() };
    expect(counts).toEqual({ shows: 1, episodes: 8, stories: 5 });
    expect(await prisma.category.count()).toBeGreaterThan(0);

    const comments = await prisma.comment.count();
    expect(await seedDemoContent()).toBe(false);
    expect(await prisma.episode.count()).toBe(8);
    expect(await prisma.story.count()).toBe(5);
    expect(await prisma.comment.count()).toBe(comments);
  });

  it("shows the whole product: platforms through their sources, art, photos, linked stories, comments, subscribers", async () => {
    await seedDemoContent();
    const show = await prisma.show.findFirstOrThrow({ select: { demo: true, artworkUrl: true } });
    expect(show).toEqual({ demo: true, artworkUrl: expect.stringMatching(/^\/media\/demo\/cover-show\.webp$/) });

    // Every episode's audio is as long as the episode says.
    for (const episode of await prisma.episode.findMany({ select: { audioUrl: true, durationSeconds: true } })) {
      expect(episode.audioUrl).toBe(
        `/demo/audio/${episode
          .audioUrl!.split("/")
          .at(-1)!
          .replace(/-\d+s\.wav$/, "")}-${episode.durationSeconds}s.wav`,
      );
    }

    // Four platform sources, imported through the real pipeline, then paused.
    const sources = await prisma.feedSource.findMany({ where: { kind: { not: "PODCAST" } }, select: { kind: true, enabled: true, lastStatus: true } });
    expect(sources.map((source) => source.kind).sort()).toEqual(["APPLE", "SPOTIFY", "VIDEO", "YOUTUBE"]);
    expect(sources.every((source) => !source.enabled && source.lastStatus === "IMPORTED")).toBe(true);
    const bridges = (await getEpisode("bridges-nobody-inspects"))!;
    expect(listenLinks(bridges)).toEqual([
      { platform: "apple", label: "Apple Podcasts", url: "https://podcasts.apple.com/", episodeLevel: true, demo: true },
      { platform: "spotify", label: "Spotify", url: "https://open.spotify.com/", episodeLevel: true, demo: true },
      { platform: "youtube", label: "YouTube", url: "https://www.youtube.com/", episodeLevel: true, demo: true },
      { platform: "rumble", label: "Rumble", url: "https://rumble.com/", episodeLevel: true, demo: true },
      { platform: "rss", label: "RSS", url: "/shows/the-long-signal/feed.xml", episodeLevel: false },
    ]);
    const pending = await prisma.episodeLink.findMany({ where: { status: "PENDING" }, select: { platform: true, episode: { select: { slug: true } } } });
    expect(pending).toEqual([{ platform: "spotify", episode: { slug: "who-owns-the-map" } }]);

    // Stories: drawn photos through the upload path, each linked to its episode at a moment; one read aloud.
    const stories = await prisma.story.findMany({
      where: { status: "PUBLISHED" },
      select: { heroImageUrl: true, heroImageSrcset: true, heroCredit: true, audioUrl: true, episodes: { select: { startSeconds: true } } },
    });
    expect(stories.every((story) => story.heroImageUrl?.startsWith("/media/stories/") && story.heroImageSrcset && story.heroCredit)).toBe(true);
    expect(stories.every((story) => story.episodes.length === 1 && story.episodes[0]!.startSeconds! > 0)).toBe(true);
    expect(stories.filter((story) => story.audioUrl)).toHaveLength(1);

    // Readers: threads with replies and likes, two comments at a moment, one held for a moderator.
    const comments = await prisma.comment.findMany({
      select: { status: true, parentId: true, momentSeconds: true, likeCount: true, _count: { select: { likes: true } } },
    });
    expect(comments.filter((comment) => comment.parentId).length).toBeGreaterThanOrEqual(2);
    expect(comments.filter((comment) => comment.momentSeconds !== null)).toHaveLength(2);
    expect(comments.filter((comment) => comment.status === "PENDING")).toHaveLength(1);
    expect(comments.every((comment) => comment.likeCount === comment._count.likes)).toBe(true);
    expect(await prisma.user.findUniqueOrThrow({ where: { email: DEMO_ADMIN_EMAIL }, select: { role: true } })).toEqual({ role: "ADMIN" });

    // Subscribers, and one issue sent to them: into the outbox, never to a mail server.
    expect(await prisma.subscriber.count({ where: { status: "CONFIRMED" } })).toBe(5);
    const issue = await prisma.newsletterIssue.findFirstOrThrow({
      select: { status: true, _count: { select: { deliveries: { where: { status: "SENT" } } } } },
    });
    expect(issue).toEqual({ status: "SENT", _count: { deliveries: 5 } });
    expect(await prisma.outboxMessage.count()).toBe(5);
  });
});
