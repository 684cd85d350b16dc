// From feed XML to validated episodes. Each item is validated on its own: a bad item is reported and skipped,
// never allowed to reject the feed.
import "server-only";
import { createHash } from "node:crypto";
import Parser from "rss-parser";
import "./rss-parser-snippet";
import { htmlToText, sanitizeNotesHtml } from "@/lib/text/html";
import { describeIssues } from "@/lib/validations/issues";
import { z } from "zod";
import {
  parsedEpisodeSchema,
  parsedFeedSchema,
  personSchema,
  soundbiteSchema,
  transcriptSchema,
  type ParsedEpisode,
  type ParsedFeedMeta,
} from "@/lib/validations/feed";
import { parseDuration } from "./duration";
import { escapeStrayDeclarations } from "@/lib/text/xml-guard";
import { repairFeedXml } from "./repair";
import { cutText, postgresSafeText } from "@/lib/text/safe-text";

export interface ParsedFeed {
  show: ParsedFeedMeta;
  episodes: ParsedEpisode[];
  skipped: { index: number; title: string; reason: string }[];
}

export class FeedParseError extends Error {
  override name = "FeedParseError";
}

export type RawItem = Parser.Item & {
  "content:encoded"?: string;
  itunes?: Record<string, unknown>;
  guid?: unknown;
  id?: string;
  transcripts?: unknown[];
  persons?: unknown[];
  soundbites?: unknown[];
  "podcast:chapters"?: unknown;
  "podcast:season"?: unknown;
  "podcast:episode"?: unknown;
  "yt:videoId"?: unknown;
  "media:group"?: unknown;
};

type RawFeed = {
  language?: unknown;
  "itunes:new-feed-url"?: unknown;
  "podcast:locked"?: unknown;
  "podcast:guid"?: unknown;
};

// A parser per document: a shared rss-parser instance stops answering after some malformed documents (`npm run fuzz`).
const newParser = () =>
  new Parser<RawFeed, RawItem>({
    customFields: {
      feed: ["itunes:new-feed-url", "podcast:locked", "podcast:guid"],
      item: [
        "content:encoded",
        "id",
        ["podcast:transcript", "transcripts", { keepArray: true }],
        ["podcast:person", "persons", { keepArray: true }],
        ["podcast:soundbite", "soundbites", { keepArray: true }],
        "podcast:chapters",
        "podcast:season",
        "podcast:episode",
        "yt:videoId",
        "media:group",
      ],
    },
  });

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  // xml2js gives { _: "text", $: {attributes} } for elements that carry attributes (guid isPermaLink="false").
  if (value && typeof value === "object" && "_" in value) return text((value as { _: unknown })._);
  return "";
}

/** The attributes of an element as xml2js gives them ({ $: { name: value } }). */
function attributes(value: unknown): Record<string, string> {
  if (value && typeof value === "object" && "$" in value) return (value as { $: Record<string, string> }).$;
  return {};
}

function firstOf(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

function seconds(value: string | undefined): number | undefined {
  const number = Number(value);
  return value && Number.isFinite(number) ? number : undefined;
}

/** Keeps the entries that pass `schema`: one malformed podcast:person must not cost the episode. */
function validEntries<T>(values: unknown[] | undefined, schema: z.ZodType<T>, toCandidate: (value: unknown) => unknown): T[] {
  return (values ?? []).flatMap((value) => {
    const result = schema.safeParse(toCandidate(value));
    return result.success ? [result.data] : [];
  });
}

function integer(value: unknown): number | undefined {
  const match = /^\s*(\d{1,9})\s*$/.exec(text(value));
  return match ? Number(match[1]) : undefined;
}

function absoluteUrl(value: unknown, feedUrl?: string): string | undefined {
  const raw = text(value).trim();
  if (!raw) return undefined;
  if (raw.startsWith("/") && !raw.startsWith("//") && !feedUrl) return raw;
  try {
    return new URL(raw, feedUrl).toString();
  } catch {
    return undefined;
  }
}

const MEDIA_EXTENSION = /\.(mp3|m4a|m4b|aac|ogg|oga|opus|wav|flac|mp4|m4v|mov|webm)$/i;

/** Only sound and video are episodes' media: some feeds put their cover images in <enclosure>. */
function isMediaEnclosure(enclosure: Parser.Enclosure | undefined): boolean {
  if (!enclosure?.url) return false;
  const type = enclosure.type?.trim().toLowerCase();
  if (type) return type.startsWith("audio/") || type.startsWith("video/");
  try {
    return MEDIA_EXTENSION.test(new URL(enclosure.url.trim(), "https://feed.invalid/").pathname);
  } catch {
    return false;
  }
}

function episodeType(value: unknown): ParsedEpisode["episodeType"] {
  const type = text(value).trim().toLowerCase();
  return type === "trailer" ? "TRAILER" : type === "bonus" ? "BONUS" : "FULL";
}

function explicit(value: unknown): boolean {
  return ["yes", "true", "explicit"].includes(text(value).trim().toLowerCase());
}

function itunesCategories(value: unknown): { name: string; subcategory?: string }[] {
  if (!Array.isArray(value)) return [];
  return value.slice(0, 10).flatMap((entry: { name?: unknown; subs?: { name?: unknown }[] | null }) => {
    const name = cutText(text(entry?.name).trim(), 100);
    const subcategory = cutText(text(entry?.subs?.[0]?.name).trim(), 100);
    return name ? [{ name, ...(subcategory && { subcategory }) }] : [];
  });
}

function itunesImage(itunes: Record<string, unknown> | undefined): unknown {
  const image = itunes?.image;
  if (image && typeof image === "object" && "href" in image) return (image as { href: unknown }).href;
  return image;
}

function identity(item: RawItem, audioUrl: string | undefined): string {
  // Atom entries (YouTube) carry their identity in <id>. Compared as it will be stored: two GUIDs that differ only in
  // characters Postgres cannot hold are one GUID there, so they are one here too.
  const guid = postgresSafeText(text(item.guid).trim() || text(item.id).trim());
  if (guid) return guid;
  if (audioUrl) return audioUrl;
  const link = text(item.link).trim();
  if (link) return link;
  // No identity in the feed at all: title and date are the best stable stand-in.
  return `sha256:${createHash("sha256")
    .update(`${text(item.title)}\n${text(item.pubDate)}`)
    .digest("hex")}`;
}

function mediaGroup(item: RawItem) {
  const group = firstOf(item["media:group"]) as Record<string, unknown> | undefined;
  return {
    description: text(firstOf(group?.["media:description"])),
    thumbnail: attributes(firstOf(group?.["media:thumbnail"])).url,
  };
}

function toEpisodeCandidate(item: RawItem, feedUrl: string | undefined) {
  const itunes = item.itunes;
  const media = mediaGroup(item);
  const audioUrl = isMediaEnclosure(item.enclosure) ? absoluteUrl(item.enclosure?.url, feedUrl) : undefined;
  const notesSource = text(item["content:encoded"]) || text(item.content) || text(itunes?.summary) || media.description || "";
  const notesHtml = sanitizeNotesHtml(notesSource);
  // A date given as markup (xml2js makes an object of it) is no date, not a crash.
  const date = new Date(text(item.isoDate) || text(item.pubDate));
  const length = /^\d{1,18}$/.test(String(item.enclosure?.length ?? "").trim()) ? BigInt(String(item.enclosure?.length).trim()) : undefined;
  const chapters = attributes(firstOf(item["podcast:chapters"]));
  return {
    guid: identity(item, audioUrl),
    title: text(item.title),
    summary: cutText(htmlToText(text(itunes?.subtitle) || text(itunes?.summary) || media.description || text(item.contentSnippet) || notesSource), 600),
    notesHtml,
    publishedAt: Number.isNaN(date.getTime()) ? undefined : date,
    durationSeconds: parseDuration(itunes?.duration),
    audioUrl,
    audioType: text(item.enclosure?.type) || undefined,
    audioLength: length,
    artworkUrl: absoluteUrl(itunesImage(itunes) ?? media.thumbnail, feedUrl),
    season: integer(itunes?.season) ?? integer(firstOf(item["podcast:season"])),
    number: integer(itunes?.episode) ?? integer(firstOf(item["podcast:episode"])),
    episodeType: episodeType(itunes?.episodeType),
    explicit: explicit(itunes?.explicit),
    link: absoluteUrl(item.link, feedUrl),
    transcripts: validEntries(item.transcripts, transcriptSchema, (value) => {
      const { url, type, language, rel } = attributes(value);
      return { url: absoluteUrl(url, feedUrl), type, language, rel };
    }),
    chaptersUrl: absoluteUrl(chapters.url, feedUrl),
    chaptersType: chapters.type,
    persons: validEntries(item.persons, personSchema, (value) => {
      const { role, group, img, href } = attributes(value);
      return { name: text(value), role, group, img: absoluteUrl(img, feedUrl), href: absoluteUrl(href, feedUrl) };
    }),
    soundbites: validEntries(item.soundbites, soundbiteSchema, (value) => {
      const { startTime, duration } = attributes(value);
      return { startTime: seconds(startTime), duration: seconds(duration), title: text(value) || undefined };
    }),
  };
}

type RawDocument = Awaited<ReturnType<ReturnType<typeof newParser>["parseString"]>>;

async function parseLeniently(xml: string): Promise<RawDocument> {
  try {
    return await newParser().parseString(xml);
  } catch (strictError) {
    const repaired = repairFeedXml(xml);
    if (repaired === xml) throw strictError;
    return newParser()
      .parseString(repaired)
      .catch(() => {
        throw strictError;
      });
  }
}

// No real feed defines entities; hostile ones do, to expand them exponentially or to read local files.
const DECLARES_ENTITIES = /<!DOCTYPE[^>[]*\[[\s\S]*?<!ENTITY/i;

// Hosts publish items minutes ahead of their stated time; anything further out is scheduled, not released.
const FUTURE_TOLERANCE_MS = 24 * 3600 * 1000;

/** A feed read as far as its channel: the items are raw until readEpisodes() validates them (batch by batch). */
export interface FeedDocument {
  show: ParsedFeedMeta;
  items: RawItem[];
}

export interface FeedReadOptions {
  feedUrl?: string;
  now?: Date;
}

export async function readFeedDocument(xml: string, options: FeedReadOptions = {}): Promise<FeedDocument> {
  if (DECLARES_ENTITIES.test(xml.slice(0, 64 * 1024))) {
    throw new FeedParseError("The feed declares its own entities in a DOCTYPE (the shape of entity-expansion and file-reading attacks); it is refused.");
  }
  let raw: RawDocument;
  try {
    raw = await parseLeniently(escapeStrayDeclarations(xml));
  } catch (error) {
    throw new FeedParseError(`Not a readable RSS or Atom feed: ${error instanceof Error ? error.message : String(error)}`);
  }

  const showResult = parsedFeedSchema.safeParse({
    // A feed without a channel title still has episodes worth importing; name it after its host.
    title: text(raw.title).trim() || (options.feedUrl ? new URL(options.feedUrl).hostname : "Untitled show"),
    description: htmlToText(text(raw.description) || text(raw.itunes?.summary)),
    author: text(raw.itunes?.author),
    artworkUrl: absoluteUrl(raw.itunes?.image ?? raw.image?.url, options.feedUrl),
    language: text(raw.language) || undefined,
    siteUrl: absoluteUrl(raw.link, options.feedUrl),
    newFeedUrl: absoluteUrl(raw["itunes:new-feed-url"], options.feedUrl),
    podcastGuid: text(raw["podcast:guid"]).trim() || undefined,
    locked: text(raw["podcast:locked"]).trim().toLowerCase() === "yes",
    explicit: explicit(raw.itunes?.explicit),
    categories: itunesCategories(raw.itunes?.categoriesWithSubs),
  });
  if (!showResult.success) {
    throw new FeedParseError(`The feed's channel is not usable: ${describeIssues(showResult.error)}`);
  }
  return { show: showResult.data, items: raw.items };
}

/** Validates raw items into episodes; `firstIndex` (items[0]'s place in the feed) makes indexes count from its start. */
export function readEpisodes(items: RawItem[], options: FeedReadOptions = {}, firstIndex = 0) {
  const latestAllowed = (options.now ?? new Date()).getTime() + FUTURE_TOLERANCE_MS;
  const episodes: ParsedEpisode[] = [];
  const itemIndexes: number[] = [];
  const skipped: ParsedFeed["skipped"] = [];
  items.forEach((item, offset) => {
    const index = firstIndex + offset;
    const result = parsedEpisodeSchema.safeParse(toEpisodeCandidate(item, options.feedUrl));
    if (result.success && result.data.publishedAt && result.data.publishedAt.getTime() > latestAllowed) {
      skipped.push({ index, title: cutText(result.data.title, 120), reason: "dated more than a day in the future: imported once it is out" });
    } else if (result.success) {
      episodes.push(result.data);
      itemIndexes.push(index);
    } else {
      skipped.push({ index, title: cutText(text(item.title), 120), reason: describeIssues(result.error) });
    }
  });
  return { episodes, skipped, itemIndexes };
}

export async function parsePodcastFeed(xml: string, options: FeedReadOptions = {}): Promise<ParsedFeed> {
  const document = await readFeedDocument(xml, options);
  const { episodes, skipped } = readEpisodes(document.items, options);
  return { show: document.show, episodes, skipped };
}
