// The platform pages a producer pastes: a show's (its "Listen & watch on" row; Apple and Spotify also become sources)
// and an episode's when no source matched it.
import "server-only";
import { AppError } from "@/lib/errors";
import { assertStaff, type Admin } from "@/lib/auth/staff";
import { invalidate } from "@/lib/cache/invalidate";
import { ALL_EPISODE_PAGES, ALL_STORY_PAGES, episodePages, SITE } from "@/lib/cache/tags";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import type { PlatformName } from "@/lib/validations/admin";
import { describeSyncResult } from "@/lib/feeds/describe";
import { addFeedSource, isExpectedFeedError, type SyncOptions } from "@/lib/feeds/sync";

export interface ShowPlatformPages {
  showSlug: string;
  appleUrl: string | null;
  spotifyUrl: string | null;
  youtubeUrl: string | null;
  rumbleUrl: string | null;
}

/** Saves the show's platform pages, then reads episode links from Apple's and Spotify's APIs; answers what happened. */
export async function saveShowPlatformPages(
  admin: Admin,
  { showSlug, ...pages }: ShowPlatformPages,
  options: Pick<SyncOptions, "platformApi"> = {},
): Promise<string> {
  assertStaff(admin, "ADMIN");
  const show = await prisma.show.findUnique({ where: { slug: showSlug }, select: { title: true, feedSources: { select: { kind: true } } } });
  if (!show) throw new AppError("not-found", `There is no show "${showSlug}".`);
  await prisma.show.update({ where: { slug: showSlug }, data: pages });
  // Every page that shows the row: the show's, its episodes', the stories linked to them.
  await invalidate([SITE, ...ALL_EPISODE_PAGES, ...ALL_STORY_PAGES]);
  const notes = [`Saved ${show.title}'s pages on the platforms.`];
  const { SPOTIFY_CLIENT_ID, SPOTIFY_CLIENT_SECRET } = getEnv();
  for (const [kind, label, url] of [
    ["APPLE", "Apple Podcasts", pages.appleUrl],
    ["SPOTIFY", "Spotify", pages.spotifyUrl],
  ] as const) {
    if (!url || show.feedSources.some((source) => source.kind === kind)) continue;
    if (kind === "SPOTIFY" && !(SPOTIFY_CLIENT_ID && SPOTIFY_CLIENT_SECRET)) {
      notes.push("Spotify's episode links need SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET: until then the row links the show's page.");
      continue;
    }
    try {
      const { sync } = await addFeedSource({ url, kind, showSlug }, options);
      notes.push(`Episode links from ${label}: ${describeSyncResult(sync)}`);
    } catch (error) {
      if (!isExpectedFeedError(error)) throw error;
      notes.push(`Episode links from ${label} could not be read now (${error.message}). The show's page is saved; add it under Feeds to try again.`);
    }
  }
  return notes.join(" ");
}

/** One episode's page on a platform, linked by hand: it replaces any earlier hand-made link to that platform. */
export async function linkEpisodeByHand(admin: Admin, input: { episodeSlug: string; platform: PlatformName; url: string }): Promise<void> {
  assertStaff(admin, "ADMIN");
  const episode = await prisma.episode.findUnique({ where: { slug: input.episodeSlug }, select: { id: true } });
  if (!episode) throw new AppError("not-found", `There is no episode "${input.episodeSlug}".`);
  await prisma.$transaction([
    prisma.episodeLink.deleteMany({ where: { episodeId: episode.id, platform: input.platform, method: "MANUAL" } }),
    prisma.episodeLink.create({
      data: { episodeId: episode.id, platform: input.platform, url: input.url, method: "MANUAL", confidence: 1, status: "ACCEPTED", decidedAt: new Date() },
    }),
  ]);
  await invalidate(episodePages(input.episodeSlug));
}
