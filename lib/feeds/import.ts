// Writes parsed feeds: episodes matched by GUID, then enclosure, then link; unchanged ones cost no write. Callers run
// it in one transaction per feed, so a failure half-way leaves the database as it was.
import "server-only";
import { randomUUID } from "node:crypto";
import { prisma, Prisma } from "@/lib/db";
import { slugify, uniqueSlug } from "@/lib/text/slug";
import type { ParsedEpisode } from "@/lib/validations/feed";
import { importHash } from "./hash";
import { parsePodcastFeed, type ParsedFeed } from "./parse";
import { feedParseOf, type FeedParse } from "./parse-job";
import { writeItems, type RefusedItem } from "@/lib/database/item-writes";
import { cutText, postgresSafe } from "@/lib/text/safe-text";

// Small enough that serialising one batch holds the event loop only briefly while pages are being served, large
// enough that a first import of a big feed stays fast (measured: docs/BENCHMARKS.md).
const CREATE_BATCH = 500;

/** What happened to one item and why, for the run's log: skipped, re-published, kept apart, repeated. */
export type ItemNote = {
  item: string;
  note: string;
};

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  gone: number;
  skipped: ParsedFeed["skipped"];
  notes: ItemNote[];
  /** Episodes that left the feed but were not marked gone: the feed shrank too suddenly to be believed at once. */
  heldBack?: number;
  warning?: string;
}

/** Items the database refused (lib/database/item-writes.ts), as the run reports skipped items. */
export function refusedAsSkipped(refused: RefusedItem<{ title: string }>[]): ParsedFeed["skipped"] {
  return refused.map(({ item, reason }) => ({ index: -1, title: cutText(item.title, 120), reason }));
}

export interface ImportTarget {
  showId: string;
  sourceId?: string;
  /** Mark this source's episodes that left the feed as gone (a podcast feed lists the whole show). */
  markGone: boolean;
  /** The previous run already found this source's feed shrunk: what is missing again is gone for good. */
  shrinkConfirmed?: boolean;
  /** Episodes whose items are in the feed byte for byte as last time, so were not parsed again. */
  unchangedIds?: string[];
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

// New episodes as one statement per batch, rows as one JSON document (far faster than createMany's parameters).
// "publishedAt" is read as timestamp: Prisma stores UTC wall time, which a session zone must not shift.
async function insertEpisodes(tx: Prisma.TransactionClient, rows: NewEpisodeRow[]): Promise<void> {
  const json = JSON.stringify(
    postgresSafe(rows).map((row) => ({
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

type StoredEpisode = {
  id: string;
  guid: string;
  title: string;
  audioUrl: string | null;
  link: string | null;
  importHash: string | null;
  feedItemHash: string | null;
  goneAt: Date | null;
  sourceId: string | null;
};

type StoredIndex = { byGuid: Map<string, StoredEpisode>; byAudio: Map<string, StoredEpisode>; byLink: Map<string, StoredEpisode> };

/** Values that name exactly one stored episode: an enclosure or link shared by two identifies neither. */
function uniqueIndex(rows: StoredEpisode[], key: (row: StoredEpisode) => string | null): Map<string, StoredEpisode> {
  const index = new Map<string, StoredEpisode | null>();
  for (const row of rows) {
    const value = key(row);
    if (value) index.set(value, index.has(value) ? null : row);
  }
  return new Map([...index].filter((entry): entry is [string, StoredEpisode] => entry[1] !== null));
}

// A feed that lost more than this share of its items at once is more likely broken than emptied.
const SUSPICIOUS_SHRINK = 0.5;

/** The stored episode whose enclosure (or, for an item without media, whose link) the item carries. */
function sameMedia(episode: ParsedEpisode, stored: StoredIndex): [StoredEpisode | undefined, "enclosure" | "link"] {
  if (episode.audioUrl) return [stored.byAudio.get(episode.audioUrl), "enclosure"];
  return [episode.link ? stored.byLink.get(episode.link) : undefined, "link"];
}

// Which stored episode an item is: the GUID decides. A new GUID takes over the episode with its enclosure (or link)
// only once that episode's GUID has left the feed (a re-published item); the run's log says which.
function matchStored(
  episode: ParsedEpisode,
  stored: StoredIndex,
  stillListed: (row: StoredEpisode) => boolean,
  note: (note: string) => void,
): StoredEpisode | undefined {
  const sameGuid = stored.byGuid.get(episode.guid);
  if (sameGuid) return sameGuid;
  const [row, what] = sameMedia(episode, stored);
  if (!row) return undefined;
  if (stillListed(row)) {
    note(`has the ${what} of "${row.title}", which is still in the feed under its own GUID: imported as an episode of its own`);
    return undefined;
  }
  note(`re-published: the ${what} of "${row.title}" under a new GUID (was ${row.guid}): that episode was updated, not duplicated`);
  return row;
}

/** A feed added as a podcast whose items carry no audio at all is most likely a site's articles. */
function withoutAudioHint(episodes: number, withMedia: number, target: ImportTarget): string | undefined {
  if (episodes === 0 || withMedia > 0 || target.unchangedIds?.length) return undefined;
  return (
    `None of the feed's ${episodes} items has audio or video: if it is a site's articles, add it as a stories feed instead ` +
    "(Stories in the admin's Add a feed form, or `npm run feeds:add -- <url> --kind stories`)."
  );
}

interface FeedItem {
  episode: ParsedEpisode;
  importHash: string;
  feedItemHash: string | null;
  /** Its place among the feed's episodes. */
  position: number;
}

/** Writes episodes batch by batch as the parser reads them, then marks what left the feed as gone. */
export async function writeEpisodes(
  tx: Prisma.TransactionClient,
  target: ImportTarget,
  feed: Pick<FeedParse, "itemCount" | "batches">,
  onProgress: ImportProgress = () => {},
  now = new Date(),
): Promise<ImportCounts> {
  const existing: StoredEpisode[] = await tx.episode.findMany({
    where: { showId: target.showId },
    select: { id: true, guid: true, title: true, audioUrl: true, link: true, importHash: true, feedItemHash: true, goneAt: true, sourceId: true },
  });
  const stored: StoredIndex = {
    byGuid: new Map(existing.map((row) => [row.guid, row])),
    byAudio: uniqueIndex(existing, (row) => row.audioUrl),
    byLink: uniqueIndex(existing, (row) => (row.audioUrl ? null : row.link)),
  };
  const takenSlugs = new Set((await tx.episode.findMany({ select: { slug: true } })).map((row) => row.slug));

  const seen = new Set<string>(target.unchangedIds);
  // The feed's GUIDs read so far, the unparsed unchanged items' included: complete once the last batch is in.
  const guidsInFeed = new Set(existing.filter((row) => seen.has(row.id)).map((row) => row.guid));
  const stillListed = (row: StoredEpisode) => seen.has(row.id) || guidsInFeed.has(row.guid);
  const notes: ItemNote[] = [];
  const skipped: ParsedFeed["skipped"] = [];
  // Unparsed because byte-identical; those that had left the feed are back.
  const returned = existing.filter((row) => row.goneAt && seen.has(row.id)).map((row) => row.id);
  if (returned.length) await tx.episode.updateMany({ where: { id: { in: returned } }, data: { goneAt: null } });
  let unchanged = seen.size - returned.length;
  let created = 0;
  let updated = returned.length;
  let episodeCount = 0;
  let withMedia = 0;

  type Writes = {
    creates: NewEpisodeRow[];
    // hashOnly: the same content written differently (whitespace, attribute order): only the new text is remembered.
    updates: { id: string; title: string; hashOnly: boolean; data: Prisma.EpisodeUpdateInput }[];
  };

  const plan = async ({ episode, importHash: hash, feedItemHash, position }: FeedItem, writes: Writes) => {
    const note = (text: string) => notes.push({ item: episode.title, note: text });
    const match = matchStored(episode, stored, stillListed, note);
    if (match) {
      if (!match.id || seen.has(match.id)) {
        note(`repeats an earlier item of the feed (the same ${match.guid === episode.guid ? "GUID" : "enclosure"}): the first one was kept`);
        return;
      }
      seen.add(match.id);
      // A re-published item takes its new GUID with it: a later item with that GUID repeats this one.
      stored.byGuid.set(episode.guid, match);
      if (match.importHash === hash && !match.goneAt && match.guid === episode.guid) {
        if (feedItemHash && match.feedItemHash !== feedItemHash)
          writes.updates.push({ id: match.id, title: episode.title, hashOnly: true, data: { feedItemHash } });
        else unchanged += 1;
        return;
      }
      writes.updates.push({
        id: match.id,
        title: episode.title,
        hashOnly: false,
        data: {
          ...episodeFields(episode),
          guid: episode.guid,
          ...(episode.publishedAt && { publishedAt: episode.publishedAt }),
          importHash: hash,
          feedItemHash,
          goneAt: null,
          ...(target.sourceId && { source: { connect: { id: target.sourceId } } }),
        },
      });
      return;
    }
    const slug = await uniqueSlug(slugify(episode.title), (candidate) => takenSlugs.has(candidate));
    takenSlugs.add(slug);
    // Not in the database yet (an empty id): later items with the same GUID count as repeats of this one.
    stored.byGuid.set(episode.guid, {
      id: "",
      guid: episode.guid,
      title: episode.title,
      audioUrl: null,
      link: null,
      importHash: hash,
      feedItemHash,
      goneAt: null,
      sourceId: null,
    });
    writes.creates.push({
      ...episodeFields(episode),
      id: randomUUID(),
      guid: episode.guid,
      slug,
      showId: target.showId,
      sourceId: target.sourceId ?? null,
      // No readable date: the moment it was first seen, a millisecond apart so the feed's order survives.
      publishedAt: episode.publishedAt ?? new Date(now.getTime() - position),
      importHash: hash,
      feedItemHash,
    });
  };

  const write = async ({ creates, updates }: Writes) => {
    const refusedUpdates = await writeItems(tx, updates, CREATE_BATCH, async (batch) => {
      for (const update of batch) await tx.episode.update({ where: { id: update.id }, data: update.data });
    });
    const refusedCreates = await writeItems(tx, creates, CREATE_BATCH, (batch) => insertEpisodes(tx, batch));
    skipped.push(...refusedAsSkipped([...refusedUpdates, ...refusedCreates]));
    const refusedIds = new Set(refusedUpdates.map(({ item }) => item.id));
    const writtenUpdates = updates.filter((update) => !refusedIds.has(update.id));
    created += creates.length - refusedCreates.length;
    updated += writtenUpdates.filter((update) => !update.hashOnly).length;
    unchanged += writtenUpdates.filter((update) => update.hashOnly).length;
  };

  // Items that are decided once the whole feed is read: a new GUID carrying the enclosure (or link) of an episode
  // whose own GUID has not come yet, and later items with the same GUID (so that the first one is still the one kept).
  const waiting: FeedItem[] = [];
  const waitingGuids = new Set<string>();
  const waitsForWholeFeed = ({ episode }: FeedItem) => {
    if (waitingGuids.has(episode.guid)) return true;
    if (stored.byGuid.has(episode.guid)) return false;
    const [row] = sameMedia(episode, stored);
    return Boolean(row && !stillListed(row));
  };

  let itemsRead = 0;
  for await (const batch of feed.batches) {
    skipped.push(...batch.skipped);
    for (const episode of batch.episodes) guidsInFeed.add(episode.guid);
    const writes: Writes = { creates: [], updates: [] };
    for (const [index, episode] of batch.episodes.entries()) {
      const item = {
        episode,
        importHash: batch.importHashes?.[index] ?? importHash(episode),
        feedItemHash: batch.itemHashes?.[index] ?? null,
        position: episodeCount++,
      };
      if (episode.audioUrl) withMedia += 1;
      if (waitsForWholeFeed(item)) {
        waiting.push(item);
        waitingGuids.add(episode.guid);
      } else {
        await plan(item, writes);
      }
    }
    await write(writes);
    itemsRead += batch.episodes.length + batch.skipped.length;
    onProgress(itemsRead, feed.itemCount);
  }
  const lastWrites: Writes = { creates: [], updates: [] };
  for (const item of waiting) await plan(item, lastWrites);
  await write(lastWrites);

  let gone = 0;
  let heldBack = 0;
  let shrinkWarning: string | undefined;
  if (target.markGone && target.sourceId) {
    // An item the database refused is still in the feed: not gone.
    const listed = existing.filter((row) => row.sourceId === target.sourceId && !row.goneAt);
    const missing = listed.filter((row) => !seen.has(row.id)).map((row) => row.id);
    const itemsNow = episodeCount + (target.unchangedIds?.length ?? 0);
    const suspicious = missing.length > 0 && itemsNow < listed.length * SUSPICIOUS_SHRINK;
    if (suspicious && !target.shrinkConfirmed) {
      heldBack = missing.length;
      shrinkWarning =
        `The feed lists ${itemsNow} item${itemsNow === 1 ? "" : "s"} where it had ${listed.length}: ${missing.length} episode${missing.length === 1 ? " was" : "s were"} ` +
        "not marked gone (a host's outage often serves an empty feed). The next sync that finds them missing too marks them gone.";
    } else if (missing.length) {
      gone = (await tx.episode.updateMany({ where: { id: { in: missing } }, data: { goneAt: now } })).count;
    }
  }
  const warning = [shrinkWarning, withoutAudioHint(episodeCount, withMedia, target)].filter(Boolean).join(" ") || undefined;
  return { created, updated, unchanged, gone, skipped, notes, heldBack, warning };
}

export function showFields(feed: Pick<ParsedFeed, "show">) {
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

export async function createShowFromFeed(tx: Prisma.TransactionClient, feed: Pick<ParsedFeed, "show">, rssUrl?: string) {
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
      const counts = await writeEpisodes(tx, { showId: show.id, markGone: false }, feedParseOf(feed), options.onProgress);
      return { showId: show.id, showSlug: show.slug, ...counts };
    },
    { timeout: 120_000 },
  );
}
