// Chapters files and transcripts live on other servers: fetched after the import with the feeds' careful client,
// validated and stored, so a page never waits on them; a failure is recorded and tried later, never fails the sync.
import "server-only";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Chapter } from "@/lib/episodes/chapters";
import { invalidate } from "@/lib/cache/invalidate";
import { episodePages } from "@/lib/cache/tags";
import { prisma, Prisma } from "@/lib/db";
import { transcriptPlainText, type TranscriptCue } from "@/lib/episodes/transcripts";
import { transcriptSchema } from "@/lib/validations/feed";
import { chaptersFromJson } from "./chapters-file";
import { fetchFeed, type FetchFeedOptions } from "./fetch";
import { chooseTranscript, parseTranscript, transcriptFormat } from "./transcript-file";

const EXTRAS_MAX_BYTES = 5 * 1024 * 1024;
const EXTRAS_TIMEOUT_MS = 15_000;
const RETRY_FAILED_AFTER_MS = 6 * 60 * 60 * 1000;
const DEFAULT_BATCH = 100;
const DEFAULT_CONCURRENCY = 4;

export interface ExtrasOptions {
  /** At most this many episodes per call; the rest wait for the next sync. */
  limit?: number;
  concurrency?: number;
  fetch?: FetchFeedOptions;
  onProgress?: (done: number, total: number) => void;
}

export interface ExtrasResult {
  fetched: number;
  failed: number;
  /** Episodes still waiting beyond this call's limit. */
  remaining: number;
}

interface EpisodeSources {
  id: string;
  chaptersUrl: string | null;
  transcripts: Prisma.JsonValue;
  extrasKey: string | null;
  language: string | null;
}

/** Reads a document: root-relative paths are this site's own files (the demo show); anything else goes over HTTP. */
async function loadDocument(url: string, options: FetchFeedOptions): Promise<string> {
  if (url.startsWith("/")) {
    const publicDir = path.resolve("public");
    const file = path.resolve(publicDir, `.${decodeURIComponent(new URL(url, "http://site.invalid").pathname)}`);
    if (!file.startsWith(publicDir + path.sep)) throw new Error(`${url} is outside the site's public files`);
    return readFile(file, "utf8");
  }
  const fetched = await fetchFeed(url, { maxBytes: EXTRAS_MAX_BYTES, timeoutMs: EXTRAS_TIMEOUT_MS, ...options });
  if (fetched.status !== "fetched") throw new Error(`${url} answered 304 to a request that was not conditional`);
  return new TextDecoder("utf-8").decode(fetched.body);
}

function transcriptOf(episode: EpisodeSources) {
  const listed = z.array(transcriptSchema).safeParse(episode.transcripts ?? []);
  return listed.success ? chooseTranscript(listed.data, episode.language) : undefined;
}

/** What an episode's extras come from: when this changes, they are fetched again. */
function extrasKeyOf(episode: EpisodeSources): string | null {
  const transcript = transcriptOf(episode);
  if (!episode.chaptersUrl && !transcript) return null;
  return JSON.stringify([episode.chaptersUrl, transcript?.url ?? null]);
}

// Plain data objects (validated above) that TypeScript cannot see as JSON because interfaces lack index signatures.
function asJson(value: Chapter[] | TranscriptCue[]): Prisma.InputJsonValue {
  return value as unknown as Prisma.InputJsonValue;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function fetchExtras(episode: EpisodeSources, options: FetchFeedOptions) {
  const errors: string[] = [];
  let chapters: Chapter[] | null = null;
  let cues: TranscriptCue[] | null = null;
  if (episode.chaptersUrl) {
    try {
      chapters = chaptersFromJson(await loadDocument(episode.chaptersUrl, options));
    } catch (error) {
      errors.push(`chapters: ${messageOf(error)}`);
    }
  }
  const transcript = transcriptOf(episode);
  if (transcript) {
    try {
      cues = parseTranscript(await loadDocument(transcript.url, options), transcriptFormat(transcript.type)!);
    } catch (error) {
      errors.push(`transcript: ${messageOf(error)}`);
    }
  }
  return { chapters, cues, error: errors.length ? errors.join("; ") : null };
}

/** Fetches the chapters and transcripts that are new, changed, or failed long enough ago to try again. */
export async function fetchEpisodeExtras(scope: { sourceId?: string; showId?: string }, options: ExtrasOptions = {}): Promise<ExtrasResult> {
  const limit = options.limit ?? DEFAULT_BATCH;
  const retryBefore = new Date(Date.now() - RETRY_FAILED_AFTER_MS);
  const due = await prisma.$queryRaw<EpisodeSources[]>`
    SELECT e."id", e."chaptersUrl", e."transcripts", e."extrasKey", s."language"
    FROM "Episode" e JOIN "Show" s ON s."id" = e."showId"
    WHERE (e."chaptersUrl" IS NOT NULL OR e."transcripts" IS NOT NULL OR e."extrasKey" IS NOT NULL)
      AND e."goneAt" IS NULL
      AND (${scope.sourceId ?? null}::text IS NULL OR e."sourceId" = ${scope.sourceId ?? null})
      AND (${scope.showId ?? null}::text IS NULL OR e."showId" = ${scope.showId ?? null})
      AND (e."extrasFetchedAt" IS NULL OR e."updatedAt" > e."extrasFetchedAt"
           OR (e."extrasError" IS NOT NULL AND e."extrasFetchedAt" < ${retryBefore}))
    ORDER BY e."publishedAt" DESC
    LIMIT ${limit + 1}`;
  const batch = due.slice(0, limit);
  let done = 0;
  let fetched = 0;
  let failed = 0;
  const changed: string[] = [];
  const queue = [...batch];
  const worker = async () => {
    for (let episode = queue.shift(); episode; episode = queue.shift()) {
      const key = extrasKeyOf(episode);
      const now = new Date();
      // The same sources as last time (the episode changed for another reason): nothing to fetch.
      const unchanged = key === episode.extrasKey;
      const result = unchanged || !key ? undefined : await fetchExtras(episode, options.fetch ?? {});
      await prisma.episode.update({
        where: { id: episode.id },
        data: {
          // updatedAt is set with extrasFetchedAt so the next call sees this episode as done.
          updatedAt: now,
          extrasFetchedAt: now,
          ...(!unchanged && {
            extrasKey: key,
            extrasError: result?.error ?? null,
            chapters: result?.chapters ? asJson(result.chapters) : Prisma.DbNull,
            transcriptCues: result?.cues ? asJson(result.cues) : Prisma.DbNull,
            transcriptText: result?.cues ? transcriptPlainText(result.cues) : null,
          }),
        },
      });
      if (result) changed.push(episode.id);
      if (result?.error) failed += 1;
      else if (result) fetched += 1;
      options.onProgress?.(++done, batch.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, batch.length) }, worker));
  const pages = await prisma.episode.findMany({ where: { id: { in: changed } }, select: { slug: true } });
  await invalidate(pages.flatMap((episode) => episodePages(episode.slug)));
  return { fetched, failed, remaining: due.length - batch.length };
}
