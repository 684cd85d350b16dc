// Writes parsed feeds into the database. Episodes are matched to what is stored by GUID, then enclosure URL, then
// link; unchanged ones cost no write; new ones are created in batches. Callers run it inside one transaction per
// feed, so a failure half-way leaves the database as it was.
import { randomUUID } from "node:crypto";
import { prisma, Prisma } from "@/lib/db";
import { slugify, uniqueSlug } from "@/lib/slug";
import type { ParsedEpisode } from "@/lib/validations/feed";
import { importHash } from "./hash";
import { parsePodcastFeed, type ParsedFeed } from "./parse";

// Small enough that serialising one batch holds the event loop only briefly while pages are being served, large
// enough that a first import of a big feed stays fast (measured: docs/BENCHMARKS.md).
const CREATE_BATCH = 500;

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  gone: number;
  skipped: ParsedFeed["skipped"];
}

export interface ImportTarget {
  showId: string;
  sourceId?: string;
  /** Mark this source's episodes that left the feed as gone (a podcast feed lists the whole show). */
  markGone: boolean;
  /** For each parsed episode, the hash of its item's XML (see items.ts), stored to skip it next time. */
  itemHashes?: (string | undefined)[];
  /** Episodes whose items are in the feed byte for byte as last time, so were not parsed again. */
  unchangedIds?: string[];
  /** importHash() of each parsed episode, when the parse worker already computed it. */
  importHashes?: string[];
}

export type ImportProgress = (done: number, total: number) => void;

function episodeFields(episode: ParsedEpisode) {
  return {
    title: episode.title,
    summary: episode.summary,
    notesHtml: episode.notesHtml,
    durationSeconds: episode.durationSeconds ?? null,
    audioUrl: episode.audioUrl ?? null,
    audioType: episode.audioType ?? null,
    audioLength: episode.audioLength ?? null,
    artworkUrl: episode.artworkUrl ?? null,
    season: episode.season ?? null,
    number: episode.number ?? null,
    episodeType: episode.episodeType,
    explicit: episode.explicit,
    link: episode.link ?? null,
    transcripts: episode.transcripts.length ? episode.transcripts : Prisma.DbNull,
    chaptersUrl: episode.chaptersUrl ?? null,
    chaptersType: episode.chaptersType ?? null,
    persons: episode.persons.length ? episode.persons : Prisma.DbNull,
    soundbites: episode.soundbites.length ? episode.soundbites : Prisma.DbNull,
  };
}

type NewEpisodeRow = ReturnType<typeof episodeFields> & {
  id: string;
  guid: string;
  slug: string;
  showId: string;
  sourceId: string | null;
  publishedAt: Date;
  importHash: string;
  feedItemHash: string | null;
};

// New episodes go in as one statement per batch, the rows passed as one JSON document: on a first import of a
// big feed this is many times faster than createMany, whose per-value parameters dominate. "publishedAt" is read
// as timestamp, not timestamptz: Prisma stores UTC wall time, and a session time zone must not shift it.
async function insertEpisodes(tx: Prisma.TransactionClient, rows: NewEpisodeRow[]): Promise<void> {
  const json = JSON.stringify(
    rows.map((row) => ({
      ...row,
      audioLength: row.audioLength === null ? null : row.audioLength.toString(),
      transcripts: row.transcripts === Prisma.DbNull ? null : row.transcripts,
      persons: row.persons === Prisma.DbNull ? null : row.persons,
      soundbites: row.soundbites === Prisma.DbNull ? null : row.soundbites,
    })),
  );
  await tx.$executeRaw`
    INSERT INTO "Episode" ("id", "showId", "sourceId", "guid", "slug", "title", "summary", "notesHtml", "publishedAt",
      "durationSeconds", "audioUrl", "audioType", "audioLength", "artworkUrl", "season", "number", "episodeType",
      "explicit", "link", "transcripts", "chaptersUrl", "chaptersType", "persons", "soundbites", "importHash",
      "feedItemHash", "createdAt", "updatedAt")
    SELECT r."id", r."showId", r."sourceId", r."guid", r."slug", r."title", r."summary", r."notesHtml", r."publishedAt",
      r."durationSeconds", r."audioUrl", r."audioType", r."audioLength", r."artworkUrl", r."season", r."number",
      r."episodeType"::"EpisodeType", r."explicit", r."link", r."transcripts", r."chaptersUrl", r."chaptersType",
      r."persons", r."soundbites", r."importHash", r."feedItemHash", now(), now()
    FROM jsonb_to_recordset(${json}::jsonb) AS r("id" text, "showId" text, "sourceId" text, "guid" text, "slug" text,
      "title" text, "summary" text, "notesHtml" text, "publishedAt" timestamp, "durationSeconds" int, "audioUrl" text,
      "audioType" text, "audioLength" bigint, "artworkUrl" text, "season" int, "number" int, "episodeType" text,
      "explicit" boolean, "link" text, "transcripts" jsonb, "chaptersUrl" text, "chaptersType" text, "persons" jsonb,
      "soundbites" jsonb, "importHash" text, "feedItemHash" text)`;
}

export async function writeEpisodes(
  tx: Prisma.TransactionClient,
  target: ImportTarget,
  feed: ParsedFeed,
  onProgress: ImportProgress = () => {},
  now = new Date(),
): Promise<ImportCounts> {
  const existing = await tx.episode.findMany({
    where: { showId: target.showId },
    select: { id: true, guid: true, audioUrl: true, link: true, importHash: true, feedItemHash: true, goneAt: true, sourceId: true },
  });
  const byGuid = new Map(existing.map((row) => [row.guid, row]));
  const byAudio = new Map(existing.filter((row) => row.audioUrl).map((row) => [row.audioUrl!, row]));
  const byLink = new Map(existing.filter((row) => row.link).map((row) => [row.link!, row]));
  const takenSlugs = new Set((await tx.episode.findMany({ select: { slug: true } })).map((row) => row.slug));

  const seen = new Set<string>(target.unchangedIds);
  const creates: NewEpisodeRow[] = [];
  // Unparsed because byte-identical; those that had left the feed are back.
  const returned = existing.filter((row) => row.goneAt && seen.has(row.id)).map((row) => row.id);
  if (returned.length) await tx.episode.updateMany({ where: { id: { in: returned } }, data: { goneAt: null } });
  let updated = returned.length;
  let unchanged = seen.size - returned.length;

  for (const [index, episode] of feed.episodes.entries()) {
    onProgress(index + 1, feed.episodes.length);
    const match =
      byGuid.get(episode.guid) ??
      (episode.audioUrl ? byAudio.get(episode.audioUrl) : undefined) ??
      (episode.link ? byLink.get(episode.link) : undefined);
    const hash = target.importHashes?.[index] ?? importHash(episode);
    const feedItemHash = target.itemHashes?.[index] ?? null;
    if (match) {
      // The same episode twice in one feed (a repeated GUID or enclosure): the first one wins.
      if (!match.id || seen.has(match.id)) continue;
      seen.add(match.id);
      if (match.importHash === hash && !match.goneAt && match.guid === episode.guid) {
        // Same content written differently (whitespace, attribute order): remember the new text, change nothing.
        if (feedItemHash && match.feedItemHash !== feedItemHash) await tx.episode.update({ where: { id: match.id }, data: { feedItemHash } });
        unchanged += 1;
        continue;
      }
      await tx.episode.update({
        where: { id: match.id },
        data: {
          ...episodeFields(episode),
          guid: episode.guid,
          ...(episode.publishedAt && { publishedAt: episode.publishedAt }),
          importHash: hash,
          feedItemHash,
          goneAt: null,
          sourceId: target.sourceId ?? match.sourceId,
        },
      });
      updated += 1;
      continue;
    }
    const slug = await uniqueSlug(slugify(episode.title), (candidate) => takenSlugs.has(candidate));
    takenSlugs.add(slug);
    // Not in the database yet (an empty id): later items with the same GUID count as repeats of this one.
    byGuid.set(episode.guid, { id: "", guid: episode.guid, audioUrl: null, link: null, importHash: hash, feedItemHash, goneAt: null, sourceId: null });
    creates.push({
      ...episodeFields(episode),
      id: randomUUID(),
      guid: episode.guid,
      slug,
      showId: target.showId,
      sourceId: target.sourceId ?? null,
      // No readable date: the moment it was first seen, a millisecond apart so the feed's order survives.
      publishedAt: episode.publishedAt ?? new Date(now.getTime() - index),
      importHash: hash,
      feedItemHash,
    });
  }

  for (let start = 0; start < creates.length; start += CREATE_BATCH) {
    await insertEpisodes(tx, creates.slice(start, start + CREATE_BATCH));
    await new Promise((resolve) => setImmediate(resolve));
  }

  let gone = 0;
  if (target.markGone && target.sourceId) {
    const missing = existing.filter((row) => row.sourceId === target.sourceId && !row.goneAt && !seen.has(row.id)).map((row) => row.id);
    if (missing.length) gone = (await tx.episode.updateMany({ where: { id: { in: missing } }, data: { goneAt: now } })).count;
  }
  return { created: creates.length, updated, unchanged, gone, skipped: feed.skipped };
}

export function showFields(feed: ParsedFeed) {
  return {
    title: feed.show.title,
    description: feed.show.description,
    author: feed.show.author,
    artworkUrl: feed.show.artworkUrl ?? null,
    language: feed.show.language ?? null,
    siteUrl: feed.show.siteUrl ?? null,
    podcastGuid: feed.show.podcastGuid ?? null,
    locked: feed.show.locked,
    explicit: feed.show.explicit,
    categories: feed.show.categories,
  };
}

export async function createShowFromFeed(tx: Prisma.TransactionClient, feed: ParsedFeed, rssUrl?: string) {
  const slug = await uniqueSlug(slugify(feed.show.title), async (candidate) =>
    Boolean(await tx.show.findUnique({ where: { slug: candidate }, select: { id: true } })),
  );
  return tx.show.create({ data: { ...showFields(feed), slug, rssUrl: rssUrl ?? null }, select: { id: true, slug: true } });
}

export interface FeedImportResult extends ImportCounts {
  showId: string;
  showSlug: string;
}

/** Imports feed XML that is at hand (the demo show, tests) into the show of the same name. */
export async function importPodcastFeed(xml: string, options: { onProgress?: ImportProgress } = {}): Promise<FeedImportResult> {
  const feed = await parsePodcastFeed(xml);
  return prisma.$transaction(
    async (tx) => {
      const existing = await tx.show.findUnique({ where: { slug: slugify(feed.show.title) }, select: { id: true, slug: true } });
      if (existing) await tx.show.update({ where: { id: existing.id }, data: showFields(feed) });
      const show = existing ?? (await createShowFromFeed(tx, feed));
      const counts = await writeEpisodes(tx, { showId: show.id, markGone: false }, feed, options.onProgress);
      return { showId: show.id, showSlug: show.slug, ...counts };
    },
    { timeout: 120_000 },
  );
}
