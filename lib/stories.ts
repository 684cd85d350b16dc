// Public story reads: only published stories whose time has come are ever returned.
import { marked } from "marked";
import { prisma, Prisma } from "@/lib/db";
import { sanitizeNotesHtml } from "@/lib/html";

export const STORIES_PER_PAGE = 12;
const WORDS_PER_MINUTE = 230;

/** Stories the public may read: published, and their time has come. */
export function publishedStoryWhere(): Prisma.StoryWhereInput {
  return { status: "PUBLISHED", publishedAt: { lte: new Date() } };
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
    where: publishedStoryWhere(),
    select: storyCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
}

export async function listStories(page: number): Promise<{ stories: StoryCard[]; page: number; pageCount: number }> {
  const total = await prisma.story.count({ where: publishedStoryWhere() });
  const pageCount = Math.max(1, Math.ceil(total / STORIES_PER_PAGE));
  const current = Math.min(Math.max(1, page), pageCount);
  const stories = await prisma.story.findMany({
    where: publishedStoryWhere(),
    select: storyCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * STORIES_PER_PAGE,
    take: STORIES_PER_PAGE,
  });
  return { stories, page: current, pageCount };
}

export interface StoryPage extends StoryCard {
  bodyHtml: string;
  heroCaption: string | null;
  heroCredit: string | null;
  readingMinutes: number;
}

/** A story's Markdown as the sanitized HTML pages and feeds show. */
export async function storyBodyHtml(markdown: string): Promise<string> {
  return sanitizeNotesHtml(await marked.parse(markdown, { async: true }));
}

export async function getStory(slug: string): Promise<StoryPage | null> {
  const story = await prisma.story.findFirst({
    where: { slug, ...publishedStoryWhere() },
    select: { ...storyCardSelect, body: true, heroCaption: true, heroCredit: true },
  });
  if (!story) return null;
  const { body, ...rest } = story;
  const words = body.split(/\s+/).filter(Boolean).length;
  return {
    ...rest,
    bodyHtml: await storyBodyHtml(body),
    readingMinutes: Math.max(1, Math.round(words / WORDS_PER_MINUTE)),
  };
}
