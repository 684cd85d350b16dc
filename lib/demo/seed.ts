// The demo show a newcomer sees on first start, brought in through the same paths as a real show's.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { afterImport } from "@/lib/feeds/pipeline";
import { importPodcastFeed } from "@/lib/feeds/import";
import { slugify } from "@/lib/text/slug";
import { STORY_LIMITS, storySlugSchema } from "@/lib/validations/story";
import { demoAudioPath } from "./audio";
import { seedDemoCommunity } from "./community";
import { demoCoverArt, demoHeroImage } from "./media";
import { linkDemoPlatforms } from "./platforms";

// Shipped with lib/ (the production image has no tests/): `npm run db:seed` works there too.
const DEMO_DIR = path.resolve(process.cwd(), "lib/demo/content");
export const DEMO_FEED = path.join(DEMO_DIR, "long-signal.xml");
const DEMO_STORIES = path.join(DEMO_DIR, "stories.json");

const demoStorySchema = z.object({
  slug: storySlugSchema,
  title: z.string().trim().min(1).max(STORY_LIMITS.title),
  dek: z.string().trim().max(STORY_LIMITS.dek).default(""),
  body: z.string().max(STORY_LIMITS.body),
  authorName: z.string().trim().max(STORY_LIMITS.author).default(""),
  status: z.enum(["DRAFT", "PUBLISHED"]).default("PUBLISHED"),
  publishedAt: z.coerce.date().optional(),
  heroAlt: z.string().trim().max(300).default(""),
  heroCaption: z.string().trim().max(500).optional(),
  heroCredit: z.string().trim().max(200).optional(),
  categories: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  demo: z
    .object({
      photo: z.string(),
      /** The episode (by GUID) the story is linked to, and the moment it starts from. */
      episode: z.string(),
      at: z.number().int().min(0),
      /** The story read aloud: its own audio, this long. */
      audioSeconds: z.number().int().positive().optional(),
    })
    .optional(),
});

export async function hasContent(): Promise<boolean> {
  const [shows, stories] = await Promise.all([prisma.show.count(), prisma.story.count()]);
  return shows + stories > 0;
}

export interface SeedProgress {
  (step: string): void;
}

async function seedStories(): Promise<number> {
  const stories = z.array(demoStorySchema).parse(JSON.parse(await readFile(DEMO_STORIES, "utf8")));
  for (const { categories, demo, ...fields } of stories) {
    const photo = demo && (await demoHeroImage(demo.photo));
    const episode = demo && (await prisma.episode.findFirstOrThrow({ where: { guid: demo.episode }, select: { id: true } }));
    await prisma.story.create({
      data: {
        ...fields,
        publishedAt: fields.status === "PUBLISHED" ? (fields.publishedAt ?? new Date()) : null,
        ...(photo && { heroImageUrl: photo.url, heroImageSrcset: photo.srcset }),
        ...(demo?.audioSeconds && { audioUrl: demoAudioPath(fields.slug, demo.audioSeconds), audioType: "audio/wav", audioDurationSeconds: demo.audioSeconds }),
        ...(episode && { episodes: { create: { episodeId: episode.id, startSeconds: demo.at } } }),
        categories: {
          create: categories.map((name) => ({
            category: { connectOrCreate: { where: { slug: slugify(name) }, create: { slug: slugify(name), name } } },
          })),
        },
      },
    });
  }
  return stories.length;
}

/** What an editor pins beside what the site finds on its own: infrastructure next to infrastructure. */
async function pinRelated(): Promise<void> {
  const episode = (guid: string) => prisma.episode.findFirstOrThrow({ where: { guid }, select: { id: true } });
  const story = (slug: string) => prisma.story.findUniqueOrThrow({ where: { slug }, select: { id: true } });
  const [bridges, meters, bridgeStory, busStory] = await Promise.all([
    episode("long-signal-0108"),
    episode("long-signal-0012"),
    story("county-bridge-inspections-backlog"),
    story("night-bus-schedules"),
  ]);
  await prisma.relatedOverride.createMany({
    data: [
      { sourceKind: "EPISODE", sourceId: bridges.id, targetKind: "EPISODE", targetId: meters.id, pinned: true },
      { sourceKind: "STORY", sourceId: bridgeStory.id, targetKind: "STORY", targetId: busStory.id, pinned: true },
    ],
  });
}

async function drawCovers(showId: string): Promise<void> {
  const show = await prisma.show.update({ where: { id: showId }, data: { demo: true, artworkUrl: await demoCoverArt("show", 0) }, select: { slug: true } });
  const episodes = await prisma.episode.findMany({ where: { showId }, orderBy: { publishedAt: "asc" }, select: { id: true, slug: true } });
  for (const [index, episode] of episodes.entries()) {
    // Most episodes carry the show's art, as in most feeds; every third one has its own.
    if (index % 3 === 1)
      await prisma.episode.update({ where: { id: episode.id }, data: { artworkUrl: await demoCoverArt(`${show.slug}-${episode.slug}`, index) } });
  }
}

/** Loads the demo show and everything around it into an empty database; a database with any content is left alone. */
export async function seedDemoContent(progress: SeedProgress = () => {}): Promise<boolean> {
  if (await hasContent()) return false;

  progress("importing the demo feed");
  const feed = await importPodcastFeed(await readFile(DEMO_FEED, "utf8"));
  progress(`imported ${feed.created} demo episodes`);
  await drawCovers(feed.showId);
  progress("drew the show's and episodes' cover art");
  const extras = await afterImport({ showId: feed.showId });
  progress(`read ${extras.fetched} demo chapter files and transcripts`);
  const show = await prisma.show.findUniqueOrThrow({ where: { id: feed.showId }, select: { slug: true } });
  const platforms = await linkDemoPlatforms(show.slug);
  progress(`linked the episodes on Apple Podcasts, Spotify, YouTube and Rumble: ${platforms.links} links, ${platforms.pending} waiting for review`);
  progress(`added ${await seedStories()} demo stories with their photos`);
  await pinRelated();
  const community = await seedDemoCommunity();
  progress(`added ${community.comments} comments and ${community.subscribers} newsletter subscribers; one issue sent to /dev/outbox`);
  return true;
}
