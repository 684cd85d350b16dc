// Public episode reads. Pages receive these plain shapes; nothing outside lib/ touches Prisma.
import { prisma, Prisma } from "@/lib/db";

export const EPISODES_PER_PAGE = 12;

export const episodeCardSelect = {
  slug: true,
  title: true,
  summary: true,
  publishedAt: true,
  durationSeconds: true,
  artworkUrl: true,
  season: true,
  number: true,
  episodeType: true,
  audioUrl: true,
  show: { select: { slug: true, title: true, artworkUrl: true } },
} satisfies Prisma.EpisodeSelect;

export type EpisodeCard = Prisma.EpisodeGetPayload<{ select: typeof episodeCardSelect }>;

export const episodePageSelect = {
  ...episodeCardSelect,
  notesHtml: true,
  audioType: true,
  explicit: true,
} satisfies Prisma.EpisodeSelect;

export type EpisodePage = Prisma.EpisodeGetPayload<{ select: typeof episodePageSelect }>;

export async function getLatestEpisodes(limit: number): Promise<EpisodeCard[]> {
  return prisma.episode.findMany({ select: episodeCardSelect, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: limit });
}

export interface EpisodeList {
  episodes: EpisodeCard[];
  page: number;
  pageCount: number;
  total: number;
}

export async function listEpisodes(page: number): Promise<EpisodeList> {
  const total = await prisma.episode.count();
  const pageCount = Math.max(1, Math.ceil(total / EPISODES_PER_PAGE));
  const current = Math.min(Math.max(1, page), pageCount);
  const episodes = await prisma.episode.findMany({
    select: episodeCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * EPISODES_PER_PAGE,
    take: EPISODES_PER_PAGE,
  });
  return { episodes, page: current, pageCount, total };
}

export async function getEpisode(slug: string): Promise<EpisodePage | null> {
  return prisma.episode.findUnique({ where: { slug }, select: episodePageSelect });
}
