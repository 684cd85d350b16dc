// Factories create what a test needs and nothing more; every row gets a unique slug so tests never collide.
import { prisma } from "@/lib/db";
import { indexEpisodesForSearch } from "@/lib/search/indexing";
import type { Prisma } from "@/lib/generated/prisma/client";

let sequence = 0;
const next = () => `${Date.now().toString(36)}-${(sequence += 1)}`;

export async function createShow(data: Partial<Prisma.ShowCreateInput> = {}) {
  const id = next();
  return prisma.show.create({ data: { slug: `show-${id}`, title: `Show ${id}`, ...data } });
}

export async function createEpisode(data: Partial<Prisma.EpisodeUncheckedCreateInput> = {}) {
  const id = next();
  const showId = data.showId ?? (await createShow()).id;
  const episode = await prisma.episode.create({
    data: { guid: `guid-${id}`, slug: `episode-${id}`, title: `Episode ${id}`, publishedAt: new Date(), ...data, showId },
  });
  // As the indexer job would, seconds after an import: tests search what they create.
  await indexEpisodesForSearch();
  return episode;
}

export async function createStory(data: Partial<Prisma.StoryCreateInput> = {}) {
  const id = next();
  return prisma.story.create({
    data: { slug: `story-${id}`, title: `Story ${id}`, body: "Body text.", status: "PUBLISHED", publishedAt: new Date(Date.now() - 60_000), ...data },
  });
}
