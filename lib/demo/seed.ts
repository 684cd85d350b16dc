// The demo show a newcomer sees on first start. It comes in through the same feed importer as a real show.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { fetchEpisodeExtras } from "@/lib/feeds/extras";
import { indexAllEpisodesForSearch } from "@/lib/search-index";
import { importPodcastFeed } from "@/lib/feeds/import";
import { slugify } from "@/lib/slug";
import { storyInputSchema } from "@/lib/validations/story";

// Shipped with lib/ (the production image has no tests/): `npm run db:seed` works there too.
const DEMO_DIR = path.resolve(process.cwd(), "lib/demo/content");
export const DEMO_FEED = path.join(DEMO_DIR, "long-signal.xml");
const DEMO_STORIES = path.join(DEMO_DIR, "stories.json");

export async function hasContent(): Promise<boolean> {
  const [shows, stories] = await Promise.all([prisma.show.count(), prisma.story.count()]);
  return shows + stories > 0;
}

export interface SeedProgress {
  (step: string): void;
}

/** Loads the demo show and stories into an empty database; a database with any content is left alone. */
export async function seedDemoContent(progress: SeedProgress = () => {}): Promise<boolean> {
  if (await hasContent()) return false;

  progress("importing the demo feed");
  const feed = await importPodcastFeed(await readFile(DEMO_FEED, "utf8"));
  progress(`imported ${feed.created} demo episodes`);
  const extras = await fetchEpisodeExtras({ showId: feed.showId });
  progress(`read ${extras.fetched} demo chapter files and transcripts`);
  await indexAllEpisodesForSearch();

  const stories = z.array(storyInputSchema).parse(JSON.parse(await readFile(DEMO_STORIES, "utf8")));
  await prisma.$transaction(async (tx) => {
    for (const story of stories) {
      const { categories, ...fields } = story;
      await tx.story.create({
        data: {
          ...fields,
          publishedAt: fields.status === "PUBLISHED" ? (fields.publishedAt ?? new Date()) : null,
          categories: {
            create: categories.map((name) => ({
              category: { connectOrCreate: { where: { slug: slugify(name) }, create: { slug: slugify(name), name } } },
            })),
          },
        },
      });
    }
  });
  progress(`added ${stories.length} demo stories`);
  return true;
}
