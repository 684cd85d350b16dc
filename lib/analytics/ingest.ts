// Events from the site's pages (/api/events): counted in memory and written in batches, so a beacon costs a request
// nothing but its parsing. A batch still in memory when a process dies is lost: counts, never content.
import "server-only";
import { LRUCache } from "lru-cache";
import pg from "pg";
import { databaseUrl, prisma, utcSessionOptions } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log";
import type { AnalyticsEventInput } from "@/lib/validations/analytics";
import { mayCount, saltOf, utcDay, visitorOf } from "./visitors";

interface PendingEvent {
  at: Date;
  kind: AnalyticsEventInput["kind"];
  visitor: string;
  episode?: string;
  path?: string;
  detail: string;
  from?: number;
  to?: number;
}

// Small batches often: each holds the thread (the front's, when it answers beacons) for a few milliseconds at most.
const FLUSH_AFTER_MS = 250;
const BATCH = 200;
// Beyond this (a database gone for a while, a flood) new events are dropped rather than memory spent.
const MAX_WAITING = 50_000;
// One visitor's events a minute in one process: a page open all day sends a few hundred at most.
const MAX_PER_VISITOR_MINUTE = 600;

const globalForEvents = globalThis as unknown as {
  showfrontEvents?: { waiting: PendingEvent[]; timer?: NodeJS.Timeout; flushing?: Promise<number>; dropped: number; pool?: pg.Pool };
};
const state = (globalForEvents.showfrontEvents ??= { waiting: [], dropped: 0 });
const perVisitor = new LRUCache<string, { minute: number; count: number }>({ max: 100_000 });

/** Where a visit came from: a campaign (?utm_source=, ?ref=), another site, nothing ("direct"), or this site (""). */
export function sourceOf(view: { referrer?: string; campaign?: string }, ownHosts: string[]): string {
  const campaign = view.campaign?.trim().toLowerCase();
  if (campaign && /^[a-z0-9._-]{1,40}$/.test(campaign)) return campaign;
  if (!view.referrer) return "direct";
  let host: string;
  try {
    const url = new URL(view.referrer);
    if (url.protocol !== "http:" && url.protocol !== "https:") return "direct";
    host = url.hostname.replace(/^www\./, "");
  } catch {
    return "direct";
  }
  return ownHosts.some((own) => own.replace(/^www\./, "") === host) ? "" : host.slice(0, 100);
}

function detailOf(event: AnalyticsEventInput, ownHosts: string[]): string {
  switch (event.kind) {
    case "view":
      return sourceOf(event, ownHosts);
    case "quartile":
      return String(event.quartile);
    case "platform":
      return event.platform;
    case "share":
      return event.network;
    default:
      return "";
  }
}

/** Takes a beacon's events for the next batch; nothing is kept from a bot or a visitor who asked not to be counted. */
export async function recordEvents(events: AnalyticsEventInput[], headers: Headers, now = new Date()): Promise<number> {
  if (!mayCount(headers)) return 0;
  const visitor = await visitorOf(headers, now).catch((error: Error) => {
    throw new AppError("unavailable", "Events cannot be counted just now.", { cause: error });
  });
  const minute = Math.floor(now.getTime() / 60_000);
  const seen = perVisitor.get(visitor);
  const count = seen?.minute === minute ? seen.count : 0;
  const allowed = Math.max(0, Math.min(events.length, MAX_PER_VISITOR_MINUTE - count));
  perVisitor.set(visitor, { minute, count: count + allowed });
  const ownHosts = [new URL(getEnv().SITE_URL).hostname, headers.get("host")?.replace(/:\d+$/, "") ?? ""];
  for (const event of events.slice(0, allowed)) {
    if (state.waiting.length >= MAX_WAITING) {
      state.dropped += 1;
      continue;
    }
    state.waiting.push({
      at: now,
      kind: event.kind,
      visitor,
      episode: "episode" in event ? event.episode : undefined,
      path: "path" in event ? event.path : undefined,
      detail: detailOf(event, ownHosts),
      from: event.kind === "listen" ? event.from : undefined,
      to: event.kind === "listen" ? event.to : undefined,
    });
  }
  if (state.waiting.length >= BATCH) void flushEvents();
  else state.timer ??= setTimeout(() => void flushEvents(), FLUSH_AFTER_MS).unref();
  return allowed;
}

const EPISODE_PAGE = /^\/episodes\/([^/]+)(?:\/transcript)?\/?$/;
const STORY_PAGE = /^\/stories\/([^/]+)\/?$/;

interface Known {
  id: string;
  durationSeconds: number | null;
}
// Slugs (and slugs that name nothing) are read once in a while, not per batch. Batches are one statement of arrays
// through their own pool: Prisma held the thread ~0.1 s building and logging 17,500 parameters.
async function batchPool(): Promise<pg.Pool> {
  const url = databaseUrl();
  if (!state.pool) {
    state.pool = new pg.Pool({ connectionString: url, options: utcSessionOptions(url), max: 2, application_name: "showfront-analytics" });
    // An idle connection the server closed (a restart) is dropped from the pool; the next batch opens another.
    state.pool.on("error", (error) => logger.warn({ err: error }, "an analytics connection closed"));
  }
  return state.pool;
}

const known = new LRUCache<string, Known | false>({ max: 20_000, ttl: 10 * 60_000 });

async function resolve(kind: "episode" | "story", slugs: string[]): Promise<void> {
  const missing = [...new Set(slugs)].filter((slug) => !known.has(`${kind}:${slug}`));
  if (!missing.length) return;
  const rows =
    kind === "episode"
      ? await prisma.episode.findMany({ where: { slug: { in: missing } }, select: { id: true, slug: true, durationSeconds: true } })
      : (await prisma.story.findMany({ where: { slug: { in: missing } }, select: { id: true, slug: true } })).map((row) => ({ ...row, durationSeconds: null }));
  const found = new Map(rows.map((row) => [row.slug, row]));
  for (const slug of missing) {
    const row = found.get(slug);
    known.set(`${kind}:${slug}`, row ? { id: row.id, durationSeconds: row.durationSeconds } : false);
  }
}

function decoded(slug: string | undefined): string | undefined {
  if (slug === undefined) return undefined;
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** The episode an event names, or whose page it was on; else the story whose page it was on. */
function slugsOf(event: PendingEvent): { episode?: string; story?: string } {
  const episode = decoded(event.episode ?? event.path?.match(EPISODE_PAGE)?.[1]);
  return episode ? { episode } : { story: decoded(event.path?.match(STORY_PAGE)?.[1]) };
}

// What an event is about, or nothing for an episode or story that does not exist (or a listen past an episode's end).
function subjectOf(event: PendingEvent, slugs: ReturnType<typeof slugsOf>): string | undefined {
  if (slugs.episode) {
    const episode = known.get(`episode:${slugs.episode}`);
    if (!episode) return undefined;
    // Feeds' durations can be short of the audio's: a quarter more and a minute is allowed.
    if (event.to !== undefined && episode.durationSeconds && event.to > episode.durationSeconds * 1.25 + 60) return undefined;
    return `episode:${episode.id}`;
  }
  if (slugs.story) {
    const story = known.get(`story:${slugs.story}`);
    return story ? `story:${story.id}` : undefined;
  }
  return event.path === undefined ? undefined : `page:${event.path.length > 1 ? event.path.replace(/\/$/, "") : event.path}`;
}

/** Connects and reads the day's salt before the first beacon, so no visitor's request waits for either. */
export async function prepareIngest(now = new Date()): Promise<void> {
  await saltOf(utcDay(now));
  await (await batchPool()).query("SELECT 1");
}

/** Writes what is waiting (one batch at a time), returning how many rows were written. */
export function flushEvents(): Promise<number> {
  clearTimeout(state.timer);
  state.timer = undefined;
  state.flushing = (state.flushing ?? Promise.resolve(0)).then(async () => {
    let written = 0;
    while (state.waiting.length) {
      const batch = state.waiting.splice(0, BATCH);
      try {
        written += await writeBatch(batch);
      } catch (error) {
        logger.warn({ err: error, events: batch.length }, "analytics events could not be written and were dropped");
      }
    }
    if (state.dropped) {
      logger.warn({ events: state.dropped }, "analytics events dropped: too many waiting");
      state.dropped = 0;
    }
    return written;
  });
  return state.flushing;
}

/** Writes what is waiting, then closes the batch pool: for a process that is stopping. */
export async function closeIngest(): Promise<void> {
  await flushEvents();
  const pool = state.pool;
  state.pool = undefined;
  await pool?.end();
}

async function writeBatch(batch: PendingEvent[]): Promise<number> {
  const slugs = batch.map(slugsOf);
  await resolve(
    "episode",
    slugs.flatMap((named) => named.episode ?? []),
  );
  await resolve(
    "story",
    slugs.flatMap((named) => named.story ?? []),
  );
  const rows = batch.flatMap((event, index) => {
    const subject = subjectOf(event, slugs[index]!);
    return subject ? [{ ...event, subject }] : [];
  });
  if (rows.length)
    await (
      await batchPool()
    ).query(
      `INSERT INTO "AnalyticsEvent" ("at", "kind", "visitor", "subject", "detail", "fromSecond", "toSecond")
       SELECT * FROM unnest($1::timestamp[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[])`,
      [
        rows.map((row) => row.at.toISOString().slice(0, 23)),
        rows.map((row) => row.kind),
        rows.map((row) => row.visitor),
        rows.map((row) => row.subject),
        rows.map((row) => row.detail),
        rows.map((row) => row.from ?? null),
        rows.map((row) => row.to ?? null),
      ],
    );
  return rows.length;
}
