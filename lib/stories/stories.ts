// Public story reads: only published stories whose time has come are ever returned (a published story dated
// ahead is scheduled). Pages (kind PAGE) are read like stories but stay out of lists.
import "server-only";
import { marked } from "marked";
import { prisma, Prisma } from "@/lib/db";
import { episodeCardSelect, episodeLinksSelect, listenLinks, playableEpisode, type ListenLink, type PlayableEpisode } from "@/lib/episodes/episodes";
import { htmlToText, sanitizeNotesHtml } from "@/lib/text/html";
import type { StoryBodyFormat } from "@/lib/generated/prisma/enums";

export const STORIES_PER_PAGE = 12;
const WORDS_PER_MINUTE = 230;

/** Stories the public may read: published, and their time has come. */
export function publishedStoryWhere(): Prisma.StoryWhereInput {
  return { status: "PUBLISHED", publishedAt: { lte: new Date() } };
}

/** What lists, feeds and newsletters show: readable stories, not pages. */
export function listedStoryWhere(): Prisma.StoryWhereInput {
  return { ...publishedStoryWhere(), kind: "ARTICLE" };
}

export const storyCardSelect = {
  slug: true,
  title: true,
  dek: true,
  authorName: true,
  publishedAt: true,
  heroImageUrl: true,
  categories: { select: { category: { select: { slug: true, name: true } } } },
} satisfies Prisma.StorySelect;

export type StoryCard = Prisma.StoryGetPayload<{ select: typeof storyCardSelect }>;

export async function getLatestStories(limit: number): Promise<StoryCard[]> {
  return prisma.story.findMany({
    where: listedStoryWhere(),
    select: storyCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

export interface StoryListFilter {
  page: number;
  categorySlug?: string;
  tagSlug?: string;
  /** A year, month or day ("2026", "2026-11", "2026-11-18"), in UTC. */
  period?: string;
}

/** The stretch of time a period names: from its first moment up to (not including) the next period's. */
export function periodRange(period: string): { gte: Date; lt: Date } {
  const [year, month, day] = period.split("-").map(Number) as [number, number?, number?];
  const gte = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  const lt = day ? new Date(Date.UTC(year, month! - 1, day + 1)) : month ? new Date(Date.UTC(year, month, 1)) : new Date(Date.UTC(year + 1, 0, 1));
  return { gte, lt };
}

/** "November 2026" for a period, as the archive's heading says it. */
export function periodLabel(period: string): string {
  const { gte } = periodRange(period);
  const parts = period.split("-").length;
  const options: Intl.DateTimeFormatOptions =
    parts === 1 ? { year: "numeric" } : parts === 2 ? { year: "numeric", month: "long" } : { year: "numeric", month: "long", day: "numeric" };
  return new Intl.DateTimeFormat("en-US", { ...options, timeZone: "UTC" }).format(gte);
}

export async function listStories(filter: StoryListFilter): Promise<{ stories: StoryCard[]; page: number; pageCount: number }> {
  const where: Prisma.StoryWhereInput = {
    ...listedStoryWhere(),
    ...(filter.categorySlug && { categories: { some: { category: { slug: filter.categorySlug } } } }),
    ...(filter.tagSlug && { tags: { some: { tag: { slug: filter.tagSlug } } } }),
    ...(filter.period && { AND: [{ publishedAt: periodRange(filter.period) }] }),
  };
  const total = await prisma.story.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / STORIES_PER_PAGE));
  const current = Math.min(Math.max(1, filter.page), pageCount);
  const stories = await prisma.story.findMany({
    where,
    select: storyCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * STORIES_PER_PAGE,
    take: STORIES_PER_PAGE,
  });
  return { stories, page: current, pageCount };
}

/** Categories that have a readable story, for the index's navigation. */
export async function listStoryCategories(): Promise<{ slug: string; name: string }[]> {
  return prisma.category.findMany({
    where: { stories: { some: { story: listedStoryWhere() } } },
    select: { slug: true, name: true },
    orderBy: { name: "asc" },
  });
}

export async function getCategory(slug: string) {
  return prisma.category.findUnique({ where: { slug }, select: { slug: true, name: true, description: true } });
}

export async function getTag(slug: string) {
  return prisma.tag.findUnique({ where: { slug }, select: { slug: true, name: true } });
}

/** "Listen" on a story: its own audio, or the first linked episode, from the linked moment. */
export interface StoryListen {
  episode: PlayableEpisode;
  startAt?: number;
  /** The linked episode's page, when the audio is an episode's. */
  episodeSlug?: string;
}

export interface StoryPage extends StoryCard {
  id: string;
  kind: "ARTICLE" | "PAGE";
  bodyHtml: string;
  heroAlt: string;
  heroImageSrcset: string | null;
  heroCaption: string | null;
  heroCredit: string | null;
  updatedAt: Date;
  readingMinutes: number;
  tags: { slug: string; name: string }[];
  listen: StoryListen | undefined;
  /** "Listen & watch on" for the episode the story is linked to. */
  listenLinks: ListenLink[];
}

/** A story's body as the sanitized HTML pages and feeds show: written Markdown is rendered first. */
export async function storyBodyHtml(body: string, format: StoryBodyFormat = "MARKDOWN"): Promise<string> {
  return sanitizeNotesHtml(format === "MARKDOWN" ? await marked.parse(body, { async: true }) : body);
}

export function readingMinutes(bodyHtml: string): number {
  const words = htmlToText(bodyHtml).split(/\s+/).filter(Boolean).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

const storyPageSelect = {
  ...storyCardSelect,
  id: true,
  kind: true,
  body: true,
  bodyFormat: true,
  heroAlt: true,
  heroImageSrcset: true,
  heroCaption: true,
  heroCredit: true,
  updatedAt: true,
  audioUrl: true,
  audioDurationSeconds: true,
  tags: { select: { tag: { select: { slug: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
  episodes: {
    where: { episode: { audioUrl: { not: null } } },
    select: {
      startSeconds: true,
      episode: { select: { ...episodeCardSelect, ...episodeLinksSelect } },
    },
    orderBy: { position: "asc" },
    take: 1,
  },
} satisfies Prisma.StorySelect;

function storyListen(story: Prisma.StoryGetPayload<{ select: typeof storyPageSelect }>, siteName: string): StoryListen | undefined {
  if (story.audioUrl) {
    return {
      episode: {
        slug: `story:${story.slug}`,
        title: story.title,
        showTitle: siteName,
        audioUrl: story.audioUrl,
        artworkUrl: story.heroImageUrl,
        durationSeconds: story.audioDurationSeconds,
        href: `/stories/${story.slug}`,
      },
    };
  }
  const link = story.episodes[0];
  const episode = link && playableEpisode(link.episode);
  return episode && { episode, startAt: link.startSeconds ?? undefined, episodeSlug: link.episode.slug };
}

export async function getStory(slug: string, siteName = ""): Promise<StoryPage | null> {
  const story = await prisma.story.findFirst({ where: { slug, ...publishedStoryWhere() }, select: storyPageSelect });
  if (!story) return null;
  const { body, bodyFormat, tags, episodes: _episodes, audioUrl: _audioUrl, audioDurationSeconds: _duration, ...rest } = story;
  const bodyHtml = await storyBodyHtml(body, bodyFormat);
  return {
    ...rest,
    bodyHtml,
    readingMinutes: readingMinutes(bodyHtml),
    tags: tags.map(({ tag }) => tag),
    listen: storyListen(story, siteName),
    listenLinks: story.episodes[0] ? listenLinks(story.episodes[0].episode) : [],
  };
}

/** Where a story's old slug (or a WordPress post's id) lives now. */
export async function currentStorySlug(lookup: { oldSlug: string } | { wpPostId: number }): Promise<string | null> {
  if ("wpPostId" in lookup) {
    const story = await prisma.story.findFirst({ where: { wpPostId: lookup.wpPostId, ...publishedStoryWhere() }, select: { slug: true } });
    return story?.slug ?? null;
  }
  const current = await prisma.story.findFirst({
    where: { ...publishedStoryWhere(), OR: [{ slug: lookup.oldSlug }, { oldSlugs: { some: { slug: lookup.oldSlug } } }] },
    select: { slug: true },
  });
  return current?.slug ?? null;
}
