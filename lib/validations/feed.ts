// The shape every parsed feed must have before it may touch the database. Limits are generous for real feeds and
// stop a hostile one from storing megabytes in a title.
import "server-only";
import { z } from "zod";

export const FEED_LIMITS = {
  title: 500,
  text: 20_000,
  notesHtml: 200_000,
  url: 2_048,
  guid: 1_000,
} as const;

const httpUrl = z
  .string()
  .trim()
  .max(FEED_LIMITS.url)
  .refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), "must be an http(s) URL");

// Root-relative media paths are allowed for feeds served by this site itself (the demo show's audio, transcripts
// and chapters).
const mediaUrl = z.union([
  httpUrl,
  z
    .string()
    .trim()
    .max(FEED_LIMITS.url)
    .regex(/^\/(?!\/)\S*$/),
]);

const cleanText = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(/\s+/g, " ").trim())
    .pipe(z.string().max(max));

const shortText = (max: number) => z.string().trim().max(max);

export const transcriptSchema = z.object({
  url: mediaUrl,
  type: shortText(100),
  language: shortText(35).optional(),
  rel: shortText(50).optional(),
});

export const personSchema = z.object({
  name: shortText(200).pipe(z.string().min(1)),
  role: shortText(100).optional(),
  group: shortText(100).optional(),
  img: httpUrl.optional(),
  href: httpUrl.optional(),
});

export const soundbiteSchema = z.object({
  startTime: z.number().nonnegative(),
  duration: z
    .number()
    .positive()
    .max(24 * 3600),
  title: shortText(300).optional(),
});

export const parsedEpisodeSchema = z.object({
  guid: z.string().trim().min(1).max(FEED_LIMITS.guid),
  title: cleanText(FEED_LIMITS.title).pipe(z.string().min(1, "has no title")),
  summary: cleanText(FEED_LIMITS.text),
  notesHtml: z.string().max(FEED_LIMITS.notesHtml),
  // Absent when the feed gives no readable date: the importer then uses the time the episode was first seen.
  publishedAt: z.date().optional(),
  durationSeconds: z.number().int().nonnegative().optional(),
  audioUrl: mediaUrl.optional(),
  audioType: z.string().trim().max(100).optional(),
  audioLength: z.bigint().nonnegative().optional(),
  artworkUrl: httpUrl.optional(),
  season: z.number().int().min(0).max(100_000).optional(),
  number: z.number().int().min(0).max(1_000_000).optional(),
  episodeType: z.enum(["FULL", "TRAILER", "BONUS"]),
  explicit: z.boolean(),
  link: httpUrl.optional(),
  // Invalid podcast: entries are dropped one by one (see parse.ts); these arrays hold only valid ones.
  transcripts: z.array(transcriptSchema).max(20),
  chaptersUrl: mediaUrl.optional(),
  chaptersType: shortText(100).optional(),
  persons: z.array(personSchema).max(100),
  soundbites: z.array(soundbiteSchema).max(50),
});

export const parsedFeedSchema = z.object({
  title: cleanText(FEED_LIMITS.title).pipe(z.string().min(1, "the feed has no title")),
  description: cleanText(FEED_LIMITS.text),
  author: cleanText(FEED_LIMITS.title),
  artworkUrl: httpUrl.optional(),
  language: z.string().trim().max(35).optional(),
  siteUrl: httpUrl.optional(),
  newFeedUrl: httpUrl.optional(),
  podcastGuid: shortText(200).optional(),
  locked: z.boolean(),
  explicit: z.boolean(),
  // itunes:category, as directories list the show: [{ name: "Technology", subcategory?: "Podcasting" }].
  categories: z.array(z.object({ name: shortText(100).pipe(z.string().min(1)), subcategory: shortText(100).optional() })).max(10),
});

export type ParsedEpisode = z.infer<typeof parsedEpisodeSchema>;
export type ParsedFeedMeta = z.infer<typeof parsedFeedSchema>;
