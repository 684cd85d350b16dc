// Which episode is this video? Exact identities first, then a score of title, time and duration. A wrong link is worse
// than none: only confident scores link on their own, the doubtful wait for a person.

import "server-only";
export interface MatchableEpisode {
  id: string;
  guid: string;
  title: string;
  publishedAt: Date;
  durationSeconds: number | null;
  link: string | null;
  notesHtml: string;
}

export interface MatchableItem {
  id: string;
  externalId: string;
  url: string;
  title: string;
  publishedAt: Date;
  durationSeconds: number | null;
}

export type MatchMethod = "GUID" | "URL" | "SIMILARITY";

export interface Candidate {
  itemId: string;
  episodeId: string;
  method: MatchMethod;
  confidence: number;
}

export const MATCH_THRESHOLDS = { auto: 0.8, review: 0.55, minimumTitle: 0.5 } as const;

const STOPWORDS = new Set(["the", "a", "an", "and", "of", "to", "in", "on", "with", "for", "is", "at", "by", "from"]);
const NOISE = /\b(full episode|full interview|official (video|audio)|podcast|video|audio|hd|4k|live)\b/g;
const EPISODE_NUMBER = /(?:#|\b(?:ep|episode|ep\.)\s*#?)\s*(\d{1,5})\b/i;

function plain(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

export function episodeNumberIn(title: string): number | undefined {
  const match = EPISODE_NUMBER.exec(title);
  return match ? Number(match[1]) : undefined;
}

/** The words that carry a title's meaning: no show name, numbering, platform noise or stopwords. */
export function titleWords(title: string, showTitle = ""): string[] {
  let text = plain(title);
  const show = plain(showTitle).trim();
  if (show) text = text.split(show).join(" ");
  text = text.replace(new RegExp(EPISODE_NUMBER.source, "gi"), " ").replace(NOISE, " ");
  return text
    .replace(/[^a-z0-9]+/g, " ")
    .split(" ")
    .filter((word) => word && !STOPWORDS.has(word));
}

function bigrams(words: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) {
    const padded = ` ${word} `;
    for (let index = 0; index < padded.length - 1; index += 1) {
      const gram = padded.slice(index, index + 2);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
  }
  return counts;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const count of a.values()) total += count;
  for (const count of b.values()) total += count;
  for (const [gram, count] of a) shared += Math.min(count, b.get(gram) ?? 0);
  return total ? (2 * shared) / total : 0;
}

/** 0–1: how alike two titles are once noise is gone (character bigrams, so small spelling changes cost little). */
export function titleSimilarity(a: string, b: string, showTitle = ""): number {
  const wordsA = titleWords(a, showTitle);
  const wordsB = titleWords(b, showTitle);
  if (!wordsA.length || !wordsB.length) return 0;
  return dice(bigrams(wordsA), bigrams(wordsB));
}

const HOUR = 3600 * 1000;

/** 1 within a day and a half of each other, falling to 0 at ten days. */
export function timeProximity(a: Date, b: Date): number {
  const hours = Math.abs(a.getTime() - b.getTime()) / HOUR;
  if (hours <= 36) return 1;
  return Math.max(0, 1 - (hours - 36) / (240 - 36));
}

/** 1 when lengths agree within 5%, 0 at 30% apart; undefined when either is unknown. */
export function durationAgreement(a: number | null, b: number | null): number | undefined {
  if (!a || !b) return undefined;
  const ratio = Math.min(a, b) / Math.max(a, b);
  return Math.max(0, Math.min(1, (ratio - 0.7) / (0.95 - 0.7)));
}

function videoIdOf(url: string): string | undefined {
  const match = /(?:youtu\.be\/|[?&]v=|\/embed\/|\/shorts\/)([\w-]{11})/.exec(url);
  return match?.[1];
}

function exactMatch(item: MatchableItem, episode: MatchableEpisode): MatchMethod | undefined {
  if (item.externalId === episode.guid) return "GUID";
  if (episode.link && episode.link === item.url) return "URL";
  if (episode.notesHtml.includes(item.url)) return "URL";
  const videoId = videoIdOf(item.url);
  if (videoId && new RegExp(`(?:youtu\\.be/|[?&]v=|/embed/)${videoId}(?![\\w-])`).test(episode.notesHtml)) return "URL";
  return undefined;
}

export function scorePair(item: MatchableItem, episode: MatchableEpisode, showTitle = ""): number {
  const itemNumber = episodeNumberIn(item.title);
  const episodeNumber = episodeNumberIn(episode.title);
  // Both titles number the episode, differently: not the same episode, however alike the words.
  if (itemNumber !== undefined && episodeNumber !== undefined && itemNumber !== episodeNumber) return 0;
  const title = titleSimilarity(item.title, episode.title, showTitle);
  if (title < MATCH_THRESHOLDS.minimumTitle) return 0;
  const time = timeProximity(item.publishedAt, episode.publishedAt);
  const duration = durationAgreement(item.durationSeconds, episode.durationSeconds);
  const numbered = itemNumber !== undefined && itemNumber === episodeNumber ? 0.1 : 0;
  const weighted = duration === undefined ? 0.7 * title + 0.3 * time : 0.6 * title + 0.25 * time + 0.15 * duration;
  return Math.min(1, weighted + numbered);
}

const WINDOW_MS = 30 * 24 * HOUR;

/** The best one-to-one pairing of items and episodes, exact matches first; `excluded` holds rejected "item:episode" pairs. */
export function matchItems(
  items: MatchableItem[],
  episodes: MatchableEpisode[],
  options: { showTitle?: string; excluded?: Set<string>; takenItems?: Set<string>; takenEpisodes?: Set<string> } = {},
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const item of items) {
    if (options.takenItems?.has(item.id)) continue;
    for (const episode of episodes) {
      if (options.takenEpisodes?.has(episode.id) || options.excluded?.has(`${item.id}:${episode.id}`)) continue;
      const exact = exactMatch(item, episode);
      if (exact) {
        candidates.push({ itemId: item.id, episodeId: episode.id, method: exact, confidence: 1 });
        continue;
      }
      if (Math.abs(item.publishedAt.getTime() - episode.publishedAt.getTime()) > WINDOW_MS) continue;
      const confidence = scorePair(item, episode, options.showTitle);
      if (confidence >= MATCH_THRESHOLDS.review) candidates.push({ itemId: item.id, episodeId: episode.id, method: "SIMILARITY", confidence });
    }
  }
  const rank = (candidate: Candidate) => (candidate.method === "SIMILARITY" ? 0 : 1) * 10 + candidate.confidence;
  candidates.sort((a, b) => rank(b) - rank(a));
  const usedItems = new Set<string>();
  const usedEpisodes = new Set<string>();
  const chosen: Candidate[] = [];
  for (const candidate of candidates) {
    if (usedItems.has(candidate.itemId) || usedEpisodes.has(candidate.episodeId)) continue;
    usedItems.add(candidate.itemId);
    usedEpisodes.add(candidate.episodeId);
    chosen.push(candidate);
  }
  return chosen;
}
