// Public episode reads. Pages receive these plain shapes; nothing outside lib/ touches Prisma.
import "server-only";
import { z } from "zod";
import { chaptersFromNotes, type Chapter } from "@/lib/episodes/chapters";
import { prisma, Prisma } from "@/lib/db";
import type { TranscriptCue } from "@/lib/episodes/transcripts";
import { personSchema } from "@/lib/validations/feed";
import { VISIBLE_LINK_STATUSES } from "@/lib/feeds/links";
import { podcastFeedPath } from "@/lib/syndication/links";

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

/** What "Listen & watch on" needs of an episode: its show's platform pages and its own links. */
export const episodeLinksSelect = {
  show: {
    select: { slug: true, title: true, artworkUrl: true, demo: true, appleUrl: true, spotifyUrl: true, youtubeUrl: true, rumbleUrl: true, rssUrl: true },
  },
  // A link made by hand (MANUAL, the last method) comes first: it is the one a platform's row shows.
  links: { where: { status: { in: VISIBLE_LINK_STATUSES } }, orderBy: { method: "desc" as const }, select: { platform: true, url: true } },
} satisfies Prisma.EpisodeSelect;

export const episodePageSelect = {
  ...episodeCardSelect,
  id: true,
  showId: true,
  notesHtml: true,
  chapters: true,
  persons: true,
  audioType: true,
  explicit: true,
  goneAt: true,
  // Whether there is a transcript and how many lines it has; the page loads the lines themselves on demand.
  transcriptText: true,
  ...episodeLinksSelect,
} satisfies Prisma.EpisodeSelect;

export type EpisodePage = Prisma.EpisodeGetPayload<{ select: typeof episodePageSelect }>;

/** What the site-wide player needs to play an episode; undefined for an episode without audio. */
export interface PlayableEpisode {
  slug: string;
  title: string;
  showTitle: string;
  audioUrl: string;
  artworkUrl: string | null;
  durationSeconds: number | null;
  chapters?: Chapter[];
  /** The page the audio belongs to, when it is not an episode's (a story's own audio). */
  href?: string;
}

export function playableEpisode(episode: EpisodeCard): PlayableEpisode | undefined {
  if (!episode.audioUrl) return undefined;
  return {
    slug: episode.slug,
    title: episode.title,
    showTitle: episode.show.title,
    audioUrl: episode.audioUrl,
    artworkUrl: episode.artworkUrl ?? episode.show.artworkUrl,
    durationSeconds: episode.durationSeconds,
  };
}

export async function getLatestEpisodes(limit: number): Promise<EpisodeCard[]> {
  return prisma.episode.findMany({ select: episodeCardSelect, orderBy: [{ publishedAt: "desc" }, { id: "desc" }], take: limit });
}

export interface EpisodeList {
  episodes: EpisodeCard[];
  page: number;
  pageCount: number;
  total: number;
}

export interface EpisodeFilter {
  page: number;
  showSlug?: string;
  season?: number;
}

export async function listEpisodes({ page, showSlug, season }: EpisodeFilter): Promise<EpisodeList> {
  const where: Prisma.EpisodeWhereInput = {
    ...(showSlug && { show: { slug: showSlug } }),
    ...(season !== undefined && { season }),
  };
  const total = await prisma.episode.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / EPISODES_PER_PAGE));
  const current = Math.min(Math.max(1, page), pageCount);
  const episodes = await prisma.episode.findMany({
    where,
    select: episodeCardSelect,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * EPISODES_PER_PAGE,
    take: EPISODES_PER_PAGE,
  });
  return { episodes, page: current, pageCount, total };
}

/** What the episodes index can be filtered by: shows with episodes, and the seasons of the chosen show (or all). */
export async function getEpisodeFilters(showSlug?: string) {
  const [shows, seasons] = await Promise.all([
    prisma.show.findMany({ where: { episodes: { some: {} } }, select: { slug: true, title: true }, orderBy: { title: "asc" } }),
    prisma.episode.findMany({
      where: { season: { not: null }, ...(showSlug && { show: { slug: showSlug } }) },
      distinct: ["season"],
      select: { season: true },
      orderBy: { season: "desc" },
    }),
  ]);
  return { shows, seasons: seasons.map((row) => row.season!) };
}

export type EpisodePerson = z.infer<typeof personSchema>;

const storedChaptersSchema = z.array(z.object({ startTime: z.number(), title: z.string(), url: z.string().optional() }));
const storedPersonsSchema = z.array(personSchema);

/** An episode's chapters, transcript and people, read through the import's shapes so an old row never breaks a page. */
export function episodeExtras(episode: Pick<EpisodePage, "chapters" | "persons" | "notesHtml">) {
  const chapters = storedChaptersSchema.safeParse(episode.chapters);
  const persons = storedPersonsSchema.safeParse(episode.persons ?? []);
  return {
    chapters: chapters.success && chapters.data.length ? (chapters.data as Chapter[]) : chaptersFromNotes(episode.notesHtml),
    persons: persons.success ? persons.data : [],
  };
}

/** An episode's transcript, apart from its page: it weighs more than the rest and loads when a listener reaches it. */
export async function getEpisodeTranscript(slug: string) {
  const episode = await prisma.episode.findUnique({
    where: { slug },
    select: { slug: true, title: true, transcriptCues: true, show: { select: { title: true } } },
  });
  if (!episode || !Array.isArray(episode.transcriptCues)) return null;
  return { slug: episode.slug, title: episode.title, showTitle: episode.show.title, cues: episode.transcriptCues as unknown as TranscriptCue[] };
}

/** What a card, an embed or a link preview shows of an episode: none of the page's heavier fields. */
export async function getEpisodeCard(slug: string): Promise<EpisodeCard | null> {
  return prisma.episode.findUnique({ where: { slug }, select: episodeCardSelect });
}

export async function getEpisode(slug: string): Promise<EpisodePage | null> {
  return prisma.episode.findUnique({ where: { slug }, select: episodePageSelect });
}

export interface ListenLink {
  platform: "apple" | "spotify" | "youtube" | "rumble" | "rss";
  label: string;
  url: string;
  /** True when it opens this very episode there, false when it opens the show. */
  episodeLevel: boolean;
  /** The demo show's link: it leads to the platform's home page, as the show does not exist there. */
  demo?: true;
}

const PLATFORMS = [
  { platform: "apple", label: "Apple Podcasts", showField: "appleUrl", home: "https://podcasts.apple.com/" },
  { platform: "spotify", label: "Spotify", showField: "spotifyUrl", home: "https://open.spotify.com/" },
  { platform: "youtube", label: "YouTube", showField: "youtubeUrl", home: "https://www.youtube.com/" },
  { platform: "rumble", label: "Rumble", showField: "rumbleUrl", home: "https://rumble.com/" },
  { platform: "rss", label: "RSS", showField: "rssUrl", home: null },
] as const;

/** "Listen & watch on": the episode's own link on each platform when the import matched one, else the show's. */
export function listenLinks(episode: Pick<EpisodePage, "show" | "links">): ListenLink[] {
  return PLATFORMS.flatMap(({ platform, label, showField, home }) => {
    const own = episode.links.find((link) => link.platform === platform);
    // A show imported from a file (the demo) has no feed address of its own: the feed this site publishes stands in.
    const url = own?.url ?? episode.show[showField] ?? (platform === "rss" ? podcastFeedPath(episode.show.slug) : null);
    if (!url) return [];
    return [
      episode.show.demo && home
        ? { platform, label, url: home, episodeLevel: Boolean(own), demo: true as const }
        : { platform, label, url, episodeLevel: Boolean(own) },
    ];
  });
}
