// Keeping a show current from its feeds: fetch (conditionally), skip what has not changed, parse off the main
// thread, write in one transaction, and record every run. A failed run changes no episode.
import "server-only";
import { AppError } from "@/lib/errors";
import { invalidate } from "@/lib/cache/invalidate";
import { ALL_EPISODE_PAGES, ALL_STORY_PAGES, episodePages, EPISODE_LISTS, SITE, STORY_LISTS, storyPages } from "@/lib/cache/tags";
import { prisma } from "@/lib/db";
import { getSiteShow, type SiteShow } from "@/lib/shows/shows";
import type { FeedKind, SyncStatus, SyncTrigger } from "@/lib/generated/prisma/client";
import { fetchFeed, FeedFetchError, type FetchFeedOptions, type FetchFeedResult } from "./fetch";
import { createShowFromFeed, showFields, writeEpisodes, type ImportCounts, type ImportProgress, type ItemNote } from "./import";
import { matchShowItems, recordPlatformItems } from "./links";
import { appleLookupUrl, fetchPlatformEpisodes, PlatformApiError, spotifyEpisodesUrl, type PlatformApiOptions } from "@/lib/platforms/apis";
import { parseOffThread, warmParseWorker } from "./parse-worker-client";
import { FeedParseError, type ParsedFeed } from "./parse";
import { feedParseOf, wholeFeed, type FeedParse } from "./parse-job";
import { writeFeedStories } from "@/lib/stories/feed-stories";

// A claim older than this belongs to a run that died (a crashed instance); another run may take the source over.
const STALE_CLAIM_MS = 15 * 60 * 1000;
const IMPORT_TIMEOUT_MS = 5 * 60 * 1000;

export interface SyncOptions {
  /** Ignore the validators and content hash: fetch and import whatever the feed says now. */
  force?: boolean;
  platformApi?: PlatformApiOptions;
  /** Who asked: the run log says whether a person or the schedule started a run. */
  trigger?: SyncTrigger;
  fetch?: FetchFeedOptions;
  onProgress?: ImportProgress;
}

export type SyncResult =
  | { status: "busy"; sourceId: string }
  | ({
      status: Exclude<SyncStatus, "RUNNING">;
      sourceId: string;
      runId: string;
      httpStatus?: number;
      error?: string;
      movedTo?: string;
    } & Partial<ImportCounts>);

type FetchedFeed = Extract<FetchFeedResult, { status: "fetched" }>;

interface FeedRead {
  feed: FeedParse;
  /** Stored episodes whose items are in the feed byte for byte as last time (not parsed again). */
  unchangedIds?: string[];
}

/** A changed podcast feed; with `incremental`, items whose text is as stored are counted, not parsed again. */
async function readFetched(sourceId: string, fetched: FetchedFeed, incremental: boolean): Promise<FeedRead> {
  const known = incremental
    ? await prisma.episode.findMany({ where: { sourceId, feedItemHash: { not: null } }, select: { id: true, feedItemHash: true } })
    : [];
  const idByHash = new Map(known.map((row) => [row.feedItemHash!, row.id]));
  const feed = await parseOffThread({
    bytes: fetched.body,
    contentType: fetched.contentType,
    feedUrl: fetched.url,
    knownItemHashes: [...idByHash.keys()],
  });
  return { feed, unchangedIds: feed.unchangedItemHashes?.flatMap((hash) => (idByHash.has(hash) ? [idByHash.get(hash)!] : [])) };
}

export type SourceRead = { fetched: FetchedFeed } & FeedRead;

/** A source read as its kind is read (a platform's API or the feed): a sync asks conditionally; undefined on 304. */
async function readSource(
  source: { id: string; kind: FeedKind; url: string; etag?: string | null; lastModified?: string | null },
  options: { conditional: boolean; fetch?: FetchFeedOptions; platformApi?: PlatformApiOptions },
): Promise<SourceRead | undefined> {
  if (source.kind === "APPLE" || source.kind === "SPOTIFY") {
    const { fetched, feed } = await fetchPlatformEpisodes(source.kind, source.url, options.platformApi, options.fetch);
    return { fetched, feed: feedParseOf(feed) };
  }
  warmParseWorker();
  const fetched = await fetchFeed(source.url, { ...options.fetch, ...(options.conditional && { etag: source.etag, lastModified: source.lastModified }) });
  if (fetched.status === "not-modified") return undefined;
  return { fetched, ...(await readFetched(source.id, fetched, source.kind === "PODCAST" && options.conditional)) };
}

/** Errors whose message is written for the person running the sync: a bad URL, a broken feed, a refusing host, a refusal. */
export function isExpectedFeedError(error: unknown): error is Error {
  return [FeedFetchError, FeedParseError, PlatformApiError, AppError].some((kind) => error instanceof kind);
}

function describeError(error: unknown): string {
  if (isExpectedFeedError(error)) return error.message;
  return `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

// Past this many written episodes (or stories), their pages are invalidated by route rather than one by one.
const PAGES_NAMED_ONE_BY_ONE = 200;

/** The pages showing what a sync wrote, rendered afresh on every instance: lists, written episodes and stories, the header if the show changed. */
async function refreshSyncedPages(kind: FeedKind, showId: string, since: Date, siteBefore: SiteShow | null) {
  const [episodes, stories, siteAfter] = await Promise.all([
    // One more than are named one by one: enough to know whether to name them by route instead.
    prisma.episode.findMany({
      where: { showId, OR: [{ updatedAt: { gte: since } }, { links: { some: { updatedAt: { gte: since } } } }] },
      select: { slug: true },
      take: PAGES_NAMED_ONE_BY_ONE + 1,
    }),
    prisma.story.findMany({ where: { updatedAt: { gte: since } }, select: { slug: true }, take: PAGES_NAMED_ONE_BY_ONE + 1 }),
    getSiteShow(),
  ]);
  await invalidate([
    kind === "STORIES" ? STORY_LISTS : EPISODE_LISTS,
    ...(JSON.stringify(siteAfter) === JSON.stringify(siteBefore) ? [] : [SITE]),
    ...(episodes.length > PAGES_NAMED_ONE_BY_ONE ? ALL_EPISODE_PAGES : episodes.flatMap(({ slug }) => episodePages(slug))),
    ...(stories.length > PAGES_NAMED_ONE_BY_ONE ? ALL_STORY_PAGES : stories.flatMap(({ slug }) => storyPages(slug))),
  ]);
}

// The run log keeps this many item notes; the counts say how many there were in all.
const RUN_NOTES_KEPT = 200;

function runNotes(counts: ImportCounts): ItemNote[] {
  const skipped = counts.skipped.map((skip) => ({ item: skip.title, note: `skipped: ${skip.reason}` }));
  return [...skipped, ...counts.notes].slice(0, RUN_NOTES_KEPT);
}

/** Whether this source's last finished run (before `runId`) held episodes back from being marked gone. */
async function previousRunHeldBack(sourceId: string, runId: string): Promise<boolean> {
  const previous = await prisma.syncRun.findFirst({
    where: { sourceId, id: { not: runId }, status: { in: ["IMPORTED", "FAILED"] } },
    orderBy: { startedAt: "desc" },
    select: { status: true, heldBack: true },
  });
  return previous?.status === "IMPORTED" && previous.heldBack > 0;
}

type Source = Awaited<ReturnType<typeof prisma.feedSource.findUniqueOrThrow>>;

interface Run {
  id: string;
  source: Source;
  claimedAt: Date;
  finish(status: Exclude<SyncStatus, "RUNNING">, fields: { httpStatus?: number; error?: string; counts?: ImportCounts }): Promise<void>;
}

/** A sync as a run in the source's log: one at a time, a failure recorded as its outcome (never thrown), the claim released. */
async function asRun(sourceId: string, trigger: SyncTrigger, work: (run: Run) => Promise<SyncResult>): Promise<SyncResult> {
  const claimedAt = new Date();
  const claim = await prisma.feedSource.updateMany({
    where: { id: sourceId, OR: [{ syncStartedAt: null }, { syncStartedAt: { lt: new Date(claimedAt.getTime() - STALE_CLAIM_MS) } }] },
    data: { syncStartedAt: claimedAt },
  });
  if (claim.count === 0) {
    if (!(await prisma.feedSource.findUnique({ where: { id: sourceId }, select: { id: true } }))) {
      throw new AppError("not-found", `There is no feed source ${sourceId}.`);
    }
    return { status: "busy", sourceId };
  }

  const source = await prisma.feedSource.findUniqueOrThrow({ where: { id: sourceId } });
  const { id } = await prisma.syncRun.create({ data: { sourceId, status: "RUNNING", startedAt: claimedAt, trigger } });
  const finish: Run["finish"] = async (status, fields) => {
    const finishedAt = new Date();
    await prisma.syncRun.update({
      where: { id },
      data: {
        status,
        finishedAt,
        durationMs: finishedAt.getTime() - claimedAt.getTime(),
        httpStatus: fields.httpStatus ?? null,
        error: fields.error ?? null,
        created: fields.counts?.created ?? 0,
        updated: fields.counts?.updated ?? 0,
        unchanged: fields.counts?.unchanged ?? 0,
        gone: fields.counts?.gone ?? 0,
        skipped: fields.counts?.skipped.length ?? 0,
        heldBack: fields.counts?.heldBack ?? 0,
        warning: fields.counts?.warning ?? null,
        notes: fields.counts ? runNotes(fields.counts) : [],
      },
    });
  };

  try {
    return await work({ id, source, claimedAt, finish });
  } catch (error) {
    const message = describeError(error);
    const httpStatus = error instanceof FeedFetchError ? error.httpStatus : undefined;
    await finish("FAILED", { httpStatus, error: message });
    await prisma.feedSource.update({ where: { id: sourceId }, data: { lastFetchedAt: claimedAt, lastStatus: "FAILED", lastError: message } });
    return { status: "FAILED", sourceId, runId: id, httpStatus, error: message };
  } finally {
    await prisma.feedSource.updateMany({ where: { id: sourceId, syncStartedAt: claimedAt }, data: { syncStartedAt: null } });
  }
}

export async function syncFeedSource(sourceId: string, options: SyncOptions = {}): Promise<SyncResult> {
  return asRun(sourceId, options.trigger ?? "SCHEDULED", async (run) => {
    const { source, claimedAt } = run;
    const read = await readSource(source, { conditional: !options.force, fetch: options.fetch, platformApi: options.platformApi });
    const fetched = read?.fetched;
    if (!fetched || (!options.force && fetched.contentHash === source.contentHash)) {
      await run.finish("UNCHANGED", { httpStatus: fetched?.httpStatus ?? 304 });
      await prisma.feedSource.update({
        where: { id: sourceId },
        data: {
          lastFetchedAt: claimedAt,
          lastStatus: "UNCHANGED",
          lastError: null,
          ...(fetched && { etag: fetched.etag ?? null, lastModified: fetched.lastModified ?? null }),
        },
      });
      return { status: "UNCHANGED", sourceId, runId: run.id, httpStatus: fetched?.httpStatus ?? 304 };
    }
    return applyRead(run, read, options);
  });
}

/** Imports a read already made (adding a source reads it first to check it) as a run of the source's log. */
export function importRead(sourceId: string, read: SourceRead, options: Pick<SyncOptions, "onProgress" | "trigger"> = {}): Promise<SyncResult> {
  return asRun(sourceId, options.trigger ?? "MANUAL", (run) => applyRead(run, read, options));
}

/** Writes what was read: the show, its episodes (or stories, or platform items), and refreshes the pages that show them. */
async function applyRead(run: Run, read: SourceRead, options: Pick<SyncOptions, "onProgress">): Promise<SyncResult> {
  const { source, claimedAt } = run;
  const sourceId = source.id;
  const { feed, fetched } = read;
  const siteBefore = await getSiteShow();
  const movedTo = feed.show.newFeedUrl && feed.show.newFeedUrl !== source.url ? feed.show.newFeedUrl : undefined;
  // A podcast's episodes are written as the parser reads them; stories and platform items from the whole feed.
  const whole = source.kind === "PODCAST" ? undefined : await wholeFeed(feed);
  const counts = await prisma.$transaction(
    async (tx) => {
      let written: ImportCounts;
      if (!whole) {
        await tx.show.update({ where: { id: source.showId }, data: showFields(feed) });
        const target = {
          showId: source.showId,
          sourceId,
          markGone: true,
          unchangedIds: read.unchangedIds,
          shrinkConfirmed: await previousRunHeldBack(sourceId, run.id),
        };
        written = await writeEpisodes(tx, target, feed, options.onProgress, claimedAt);
      } else if (source.kind === "STORIES") {
        written = await writeFeedStories(tx, sourceId, whole, claimedAt);
      } else {
        const items = await recordPlatformItems(tx, source, whole, claimedAt);
        written = { created: items.created, updated: items.updated, unchanged: 0, gone: 0, skipped: [...whole.skipped, ...items.refused], notes: [] };
      }
      const show = await tx.show.findUniqueOrThrow({ where: { id: source.showId }, select: { title: true } });
      await matchShowItems(tx, source.showId, show.title);
      const moveTaken = movedTo && (await tx.feedSource.findUnique({ where: { url: movedTo }, select: { id: true } }));
      await tx.feedSource.update({
        where: { id: sourceId },
        data: {
          // itunes:new-feed-url: the show has moved hosts; follow it from the next sync on.
          ...(movedTo && !moveTaken && { url: movedTo, etag: null, lastModified: null }),
          // Episodes held back from being marked gone: the same feed must be read again in full to confirm it.
          ...(!movedTo && !written.heldBack && { etag: fetched.etag ?? null, lastModified: fetched.lastModified ?? null }),
          contentHash: written.heldBack ? null : fetched.contentHash,
          lastFetchedAt: claimedAt,
          lastStatus: "IMPORTED",
          lastError: null,
        },
      });
      return written;
    },
    { timeout: IMPORT_TIMEOUT_MS },
  );
  await run.finish("IMPORTED", { httpStatus: fetched.httpStatus, counts });
  await refreshSyncedPages(source.kind, source.showId, claimedAt, siteBefore);
  return { status: "IMPORTED", sourceId, runId: run.id, httpStatus: fetched.httpStatus, movedTo, ...counts };
}

export interface AddSourceInput {
  url: string;
  kind: FeedKind;
  /** The show the feed belongs to; without one, a show is created from the feed's channel. */
  showSlug?: string;
  /** The person adding a podcast:locked feed says it is their own show. */
  ownerConfirmed?: boolean;
  fetch?: FetchFeedOptions;
}

/** The show-level "Listen & watch on" link a new source gives its show: the channel or show page it belongs to. */
function showPlatformLink(kind: FeedKind, givenUrl: string, feed: Pick<ParsedFeed, "show">, fetchedUrl: string) {
  switch (kind) {
    case "APPLE":
      return { appleUrl: givenUrl };
    case "SPOTIFY":
      return { spotifyUrl: givenUrl };
    case "YOUTUBE":
      return feed.show.siteUrl ? { youtubeUrl: feed.show.siteUrl } : undefined;
    case "VIDEO":
      return feed.show.siteUrl && /^(www\.)?rumble\.com$/.test(URL.parse(feed.show.siteUrl)?.hostname ?? "") ? { rumbleUrl: feed.show.siteUrl } : undefined;
    case "PODCAST":
      return { rssUrl: fetchedUrl };
  }
}

/** Checks the URL serves a usable feed, records the source (and its show) and imports it; Apple and Spotify take a show page. */
export async function addFeedSource(input: AddSourceInput, options: Omit<SyncOptions, "force" | "fetch"> = {}) {
  const api = input.kind === "APPLE" || input.kind === "SPOTIFY";
  if (api && !input.showSlug) throw new AppError("invalid", `An ${input.kind.toLowerCase()} source belongs to an existing show: name it.`);
  const bases = options.platformApi ?? {};
  const sourceUrl =
    input.kind === "APPLE"
      ? appleLookupUrl(input.url, bases.appleLookupBase)
      : input.kind === "SPOTIFY"
        ? spotifyEpisodesUrl(input.url, bases.spotifyApiBase)
        : input.url;
  const existing = await prisma.feedSource.findUnique({ where: { url: sourceUrl }, select: { id: true } });
  if (existing) throw new AppError("conflict", `${input.url} is already a feed source.`);

  const read = await readSource({ id: "", kind: input.kind, url: sourceUrl }, { conditional: false, fetch: input.fetch, platformApi: options.platformApi });
  if (!read) throw new AppError("invalid", `${input.url} answered 304 to a plain request.`);

  if (read.feed.show.locked && !input.ownerConfirmed) {
    throw new AppError(
      "forbidden",
      "This feed is locked (podcast:locked): its owner asks that it not be imported by other platforms. " +
        "If it is your own show, add it again and confirm that you own it.",
    );
  }

  const source = await prisma.$transaction(async (tx) => {
    let showId: string;
    if (input.kind === "STORIES" && !input.showSlug) {
      // A stories feed is the site's own writing: it hangs on the site's first show.
      const show = await tx.show.findFirst({ orderBy: { createdAt: "asc" }, select: { id: true } });
      if (!show) throw new AppError("conflict", "Add the show's podcast feed first: a stories feed belongs to a show.");
      showId = show.id;
    } else if (input.showSlug) {
      const show = await tx.show.findUnique({ where: { slug: input.showSlug }, select: { id: true } });
      if (!show) throw new AppError("not-found", `There is no show "${input.showSlug}".`);
      showId = show.id;
      const platformLink = showPlatformLink(input.kind, input.url, read.feed, read.fetched.url);
      if (platformLink) await tx.show.update({ where: { id: showId }, data: platformLink });
    } else {
      showId = (await createShowFromFeed(tx, read.feed, input.kind === "PODCAST" ? read.fetched.url : undefined)).id;
    }
    const url = api ? sourceUrl : read.fetched.url;
    return tx.feedSource.create({ data: { showId, kind: input.kind, url }, select: { id: true, showId: true } });
  });
  // A new show, or a show's platform pages: every page that shows the show (its header, its "Listen & watch on").
  await invalidate([SITE]);
  const sync = await importRead(source.id, read, { ...options, trigger: "ADDED" });
  return { source, sync };
}

export async function listFeedSources(filter: { showSlug?: string; sourceId?: string } = {}) {
  return prisma.feedSource.findMany({
    where: {
      enabled: true,
      ...(filter.sourceId && { id: filter.sourceId }),
      ...(filter.showSlug && { show: { slug: filter.showSlug } }),
    },
    select: { id: true, url: true, kind: true, show: { select: { slug: true, title: true } } },
    orderBy: { createdAt: "asc" },
  });
}

/** Syncs every enabled source not fetched within the interval; returns how each went. Run by the scheduled job. */
export async function syncDueSources(intervalMinutes: number, options: Omit<SyncOptions, "force"> = {}) {
  const due = await prisma.feedSource.findMany({
    where: {
      enabled: true,
      OR: [{ lastFetchedAt: null }, { lastFetchedAt: { lt: new Date(Date.now() - intervalMinutes * 60_000) } }],
    },
    select: { id: true },
    orderBy: { lastFetchedAt: { sort: "asc", nulls: "first" } },
  });
  const results: SyncResult[] = [];
  for (const source of due) results.push(await syncFeedSource(source.id, options));
  return results;
}
