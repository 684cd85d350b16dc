// Plain substring search over titles and summaries. The search issue replaces it with Postgres full-text search.
import { episodeCardSelect, type EpisodeCard } from "@/lib/episodes";
import { prisma } from "@/lib/db";
import { publishedStoryWhere, storyCardSelect, type StoryCard } from "@/lib/stories";

const RESULTS_PER_KIND = 20;

export interface SearchResults {
  episodes: EpisodeCard[];
  stories: StoryCard[];
}

export async function searchContent(query: string): Promise<SearchResults> {
  const contains = { contains: query, mode: "insensitive" as const };
  const [episodes, stories] = await Promise.all([
    prisma.episode.findMany({
      where: { OR: [{ title: contains }, { summary: contains }] },
      select: episodeCardSelect,
      orderBy: { publishedAt: "desc" },
      take: RESULTS_PER_KIND,
    }),
    prisma.story.findMany({
      where: { ...publishedStoryWhere(), OR: [{ title: contains }, { dek: contains }, { body: contains }] },
      select: storyCardSelect,
      orderBy: { publishedAt: "desc" },
      take: RESULTS_PER_KIND,
    }),
  ]);
  return { episodes, stories };
}
