// From feed XML to validated episodes. Each item is validated on its own: a bad item is reported and skipped,
// never allowed to reject the feed.
import { createHash } from "node:crypto";
import Parser from "rss-parser";
import { htmlToText, sanitizeNotesHtml } from "@/lib/html";
import {
  parsedEpisodeSchema,
  parsedFeedSchema,
  type ParsedEpisode,
  type ParsedFeedMeta,
} from "@/lib/validations/feed";
import { parseDuration } from "./duration";

export interface ParsedFeed {
  show: ParsedFeedMeta;
  episodes: ParsedEpisode[];
  skipped: { index: number; title: string; reason: string }[];
}

export class FeedParseError extends Error {
  override name = "FeedParseError";
}

type RawItem = Parser.Item & {
  "content:encoded"?: string;
  itunes?: Record<string, unknown>;
  guid?: unknown;
};

const parser = new Parser<Record<string, unknown>, RawItem>({
  customFields: { item: ["content:encoded"] },
});

function text(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  // xml2js gives { _: "text", $: {attributes} } for elements that carry attributes (guid isPermaLink="false").
  if (value && typeof value === "object" && "_" in value) return text((value as { _: unknown })._);
  return "";
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

function episodeType(value: unknown): ParsedEpisode["episodeType"] {
  const type = text(value).trim().toLowerCase();
  return type === "trailer" ? "TRAILER" : type === "bonus" ? "BONUS" : "FULL";
}

function explicit(value: unknown): boolean {
  return ["yes", "true", "explicit"].includes(text(value).trim().toLowerCase());
}

function itunesImage(itunes: Record<string, unknown> | undefined): unknown {
  const image = itunes?.image;
  if (image && typeof image === "object" && "href" in image) return (image as { href: unknown }).href;
  return image;
}

function identity(item: RawItem, audioUrl: string | undefined): string {
  const guid = text(item.guid).trim();
  if (guid) return guid;
  if (audioUrl) return audioUrl;
  if (item.link) return item.link.trim();
  // No identity in the feed at all: title and date are the best stable stand-in.
  return `sha256:${createHash("sha256").update(`${item.title ?? ""}\n${item.pubDate ?? ""}`).digest("hex")}`;
}

function toEpisodeCandidate(item: RawItem, feedUrl: string | undefined) {
  const itunes = item.itunes;
  const audioUrl = absoluteUrl(item.enclosure?.url, feedUrl);
  const notesSource = item["content:encoded"] || item.content || text(itunes?.summary) || "";
  const notesHtml = sanitizeNotesHtml(notesSource);
  const date = new Date(item.isoDate ?? item.pubDate ?? "");
  const length = /^\d{1,18}$/.test(String(item.enclosure?.length ?? "").trim()) ? BigInt(String(item.enclosure?.length).trim()) : undefined;
  return {
    guid: identity(item, audioUrl),
    title: text(item.title),
    summary: htmlToText(text(itunes?.subtitle) || text(itunes?.summary) || item.contentSnippet || notesSource).slice(0, 600),
    notesHtml,
    publishedAt: Number.isNaN(date.getTime()) ? undefined : date,
    durationSeconds: parseDuration(itunes?.duration),
    audioUrl,
    audioType: item.enclosure?.type || undefined,
    audioLength: length,
    artworkUrl: absoluteUrl(itunesImage(itunes), feedUrl),
    season: integer(itunes?.season),
    number: integer(itunes?.episode),
    episodeType: episodeType(itunes?.episodeType),
    explicit: explicit(itunes?.explicit),
  };
}

export async function parsePodcastFeed(xml: string, options: { feedUrl?: string } = {}): Promise<ParsedFeed> {
  let raw: Awaited<ReturnType<typeof parser.parseString>>;
  try {
    raw = await parser.parseString(xml);
  } catch (error) {
    throw new FeedParseError(`Not a readable RSS or Atom feed: ${error instanceof Error ? error.message : String(error)}`);
  }

  const showResult = parsedFeedSchema.safeParse({
    title: raw.title ?? "",
    description: htmlToText(raw.description ?? text(raw.itunes?.summary)),
    author: text(raw.itunes?.author),
    artworkUrl: absoluteUrl(raw.itunes?.image ?? raw.image?.url, options.feedUrl),
    language: text(raw.language) || undefined,
    siteUrl: absoluteUrl(raw.link, options.feedUrl),
  });
  if (!showResult.success) {
    throw new FeedParseError(`The feed's channel is not usable: ${showResult.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  }

  const episodes: ParsedEpisode[] = [];
  const skipped: ParsedFeed["skipped"] = [];
  raw.items.forEach((item, index) => {
    const result = parsedEpisodeSchema.safeParse(toEpisodeCandidate(item, options.feedUrl));
    if (result.success) episodes.push(result.data);
    else {
      const reason = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
      skipped.push({ index, title: text(item.title).slice(0, 120), reason });
    }
  });
  return { show: showResult.data, episodes, skipped };
}
