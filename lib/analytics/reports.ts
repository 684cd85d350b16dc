// What the admin's analytics pages and the home page's "most listened" read: the roll-ups only, never raw events.
// Visitors are told apart within a day (the salt's life), so listeners over a range are the days' listeners added up.
import "server-only";
import { assertStaff, type Admin } from "@/lib/auth/staff";
import { prisma } from "@/lib/db";
import { chapterAt, type Chapter } from "@/lib/episodes/chapters";
import { episodeCardSelect, episodeExtras, type EpisodeCard } from "@/lib/episodes/episodes";
import { cueIndexAt, type TranscriptCue } from "@/lib/episodes/transcripts";
import { csvRows } from "@/lib/text/csv";
import type { analyticsExportSchema, analyticsRangeSchema } from "@/lib/validations/analytics";
import type { z } from "zod";

export type AnalyticsRange = z.infer<typeof analyticsRangeSchema>;

export const RANGES: Record<AnalyticsRange, { grain: "hour" | "day"; steps: number; label: string }> = {
  "24h": { grain: "hour", steps: 24, label: "Last 24 hours" },
  "7d": { grain: "day", steps: 7, label: "Last 7 days" },
  "30d": { grain: "day", steps: 30, label: "Last 30 days" },
  "90d": { grain: "day", steps: 90, label: "Last 90 days" },
  "365d": { grain: "day", steps: 365, label: "Last 12 months" },
};

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/** The periods a range shows, oldest first, ending with the one `now` is in (UTC). */
export function periodsOf(range: AnalyticsRange, now: Date): { grain: "hour" | "day"; starts: Date[] } {
  const { grain, steps } = RANGES[range];
  const size = grain === "hour" ? HOUR : DAY;
  const last = Math.floor(now.getTime() / size) * size;
  return { grain, starts: Array.from({ length: steps }, (_, index) => new Date(last - (steps - 1 - index) * size)) };
}

interface Sums {
  events: number;
  visitors: number;
}
const sums = (row: { _sum: { events: number | null; visitors: number | null } }): Sums => ({ events: row._sum.events ?? 0, visitors: row._sum.visitors ?? 0 });

export interface EpisodeRow {
  id: string;
  slug: string;
  title: string;
  plays: number;
  listeners: number;
  heardSeconds: number;
  /** Of those who started it, the share who heard it to its end (0 to 1). */
  finished: number;
  downloads: number;
  views: number;
}

export async function analyticsReport(admin: Admin, range: AnalyticsRange, now = new Date()) {
  assertStaff(admin, "ADMIN");
  const { grain, starts } = periodsOf(range, now);
  const window = { grain, start: { gte: starts[0]! } };
  const [series, bySubject, byDetail, finishes, signups] = await Promise.all([
    prisma.analyticsRollup.groupBy({
      by: ["start", "kind"],
      where: { ...window, subject: "*", detail: "*", kind: { in: ["view", "play", "listen", "download"] } },
      _sum: { events: true, visitors: true },
    }),
    prisma.analyticsRollup.groupBy({
      by: ["kind", "subject"],
      where: { ...window, subject: { not: "*" }, detail: "*", kind: { in: ["view", "play", "listen", "download"] } },
      _sum: { events: true, visitors: true },
    }),
    prisma.analyticsRollup.groupBy({
      by: ["kind", "detail"],
      where: { ...window, subject: "*", detail: { notIn: ["*", ""] }, kind: { in: ["view", "platform", "share"] } },
      _sum: { events: true, visitors: true },
    }),
    prisma.analyticsRollup.groupBy({
      by: ["subject"],
      where: { ...window, kind: "quartile", detail: "100", subject: { not: "*" } },
      _sum: { events: true, visitors: true },
    }),
    prisma.analyticsRollup.groupBy({
      by: ["subject"],
      where: { ...window, kind: "signup", detail: "*", subject: { not: "*" } },
      _sum: { events: true, visitors: true },
    }),
  ]);

  const at = (start: Date, kind: string) => series.find((row) => row.start.getTime() === start.getTime() && row.kind === kind);
  const periods = starts.map((start) => ({
    start,
    plays: at(start, "play")?._sum.events ?? 0,
    listeners: at(start, "play")?._sum.visitors ?? 0,
    heardSeconds: at(start, "listen")?._sum.events ?? 0,
    views: at(start, "view")?._sum.events ?? 0,
    visitors: at(start, "view")?._sum.visitors ?? 0,
    downloads: at(start, "download")?._sum.events ?? 0,
  }));
  const total = (key: keyof (typeof periods)[number]) => periods.reduce((sum, period) => sum + (period[key] as number), 0);

  const ids = (prefix: string) => [...new Set(bySubject.filter((row) => row.subject.startsWith(prefix)).map((row) => row.subject.slice(prefix.length)))];
  const [episodes, stories] = await Promise.all([
    prisma.episode.findMany({ where: { id: { in: ids("episode:") } }, select: { id: true, slug: true, title: true } }),
    prisma.story.findMany({ where: { id: { in: ids("story:") } }, select: { id: true, slug: true, title: true } }),
  ]);
  const of = (kind: string, subject: string) => {
    const row = bySubject.find((candidate) => candidate.kind === kind && candidate.subject === subject);
    return row ? sums(row) : { events: 0, visitors: 0 };
  };
  const episodeRows: EpisodeRow[] = episodes
    .map((episode) => {
      const subject = `episode:${episode.id}`;
      const play = of("play", subject);
      const finishedBy = finishes.find((row) => row.subject === subject)?._sum.visitors ?? 0;
      return {
        ...episode,
        plays: play.events,
        listeners: play.visitors,
        heardSeconds: of("listen", subject).events,
        finished: play.visitors ? Math.min(1, finishedBy / play.visitors) : 0,
        downloads: of("download", subject).events,
        views: of("view", subject).events,
      };
    })
    .sort((a, b) => b.listeners - a.listeners || b.downloads - a.downloads || b.views - a.views || a.title.localeCompare(b.title));
  const storyRows = stories
    .map((story) => ({ ...story, ...of("view", `story:${story.id}`) }))
    .filter((story) => story.events > 0)
    .sort((a, b) => b.events - a.events || a.title.localeCompare(b.title));
  const pageRows = bySubject
    .filter((row) => row.kind === "view" && row.subject.startsWith("page:"))
    .map((row) => ({ path: row.subject.slice(5), ...sums(row) }))
    .sort((a, b) => b.events - a.events || a.path.localeCompare(b.path));
  const details = (kind: string) =>
    byDetail
      .filter((row) => row.kind === kind)
      .map((row) => ({ name: row.detail, ...sums(row) }))
      .sort((a, b) => b.events - a.events || a.name.localeCompare(b.name));
  return {
    range,
    grain,
    periods,
    totals: {
      plays: total("plays"),
      listeners: total("listeners"),
      heardSeconds: total("heardSeconds"),
      views: total("views"),
      visitors: total("visitors"),
      downloads: total("downloads"),
    },
    episodes: episodeRows,
    stories: storyRows,
    pages: pageRows,
    sources: details("view"),
    platforms: details("platform"),
    shares: details("share"),
    signups: signups.map((row) => ({ page: row.subject.replace(/^\w+:/, ""), subject: row.subject, ...sums(row) })).sort((a, b) => b.events - a.events),
  };
}

export type AnalyticsReport = Awaited<ReturnType<typeof analyticsReport>>;

/** How many listeners heard each second of an episode over a range (by whole days). */
async function episodeListening(episodeId: string, range: AnalyticsRange, now = new Date()): Promise<number[]> {
  const { starts } = periodsOf(range, now);
  const firstDay = new Date(Math.floor(starts[0]!.getTime() / DAY) * DAY);
  const days = await prisma.analyticsListening.findMany({ where: { episodeId, day: { gte: firstDay } }, select: { listeners: true } });
  const curve: number[] = [];
  for (const { listeners } of days) listeners.forEach((count, second) => (curve[second] = (curve[second] ?? 0) + count));
  return Array.from(curve, (count) => count ?? 0);
}

/** Stretches of an episode heard by the same number of listeners: what the chart's table lists, exact to the second. */
export function listeningRuns(curve: number[], length = curve.length): { from: number; to: number; listeners: number }[] {
  const runs: { from: number; to: number; listeners: number }[] = [];
  for (let second = 0; second < length; second += 1) {
    const listeners = curve[second] ?? 0;
    const last = runs.at(-1);
    if (last && last.listeners === listeners) last.to = second + 1;
    else runs.push({ from: second, to: second + 1, listeners });
  }
  return runs;
}

/** Where most listeners stopped: the stretches (a twentieth of the episode, 5 s to a minute) that lose most, largest first. */
export function dropOffs(curve: number[], length = curve.length, count = 3): { at: number; to: number; lost: number }[] {
  const size = Math.max(5, Math.min(60, Math.round(length / 20)));
  const drops: { at: number; to: number; lost: number }[] = [];
  for (let second = 0; second < length; second += size) {
    const to = Math.min(length, second + size);
    const lost = (curve[second] ?? 0) - (curve[to] ?? 0);
    if (lost > 0) drops.push({ at: second, to, lost });
  }
  return drops.sort((a, b) => b.lost - a.lost || a.at - b.at).slice(0, count);
}

export interface ListeningMoment {
  at: number;
  to: number;
  lost: number;
  chapter?: string;
  said?: string;
}

/** One episode's listening: the curve, its exact stretches, and where people stopped with what was said there. */
export async function episodeAnalytics(admin: Admin, episodeId: string, range: AnalyticsRange, now = new Date()) {
  assertStaff(admin, "ADMIN");
  const episode = await prisma.episode.findUnique({
    where: { id: episodeId },
    select: { id: true, slug: true, title: true, durationSeconds: true, notesHtml: true, chapters: true, persons: true, transcriptCues: true },
  });
  if (!episode) return null;
  const { starts, grain } = periodsOf(range, now);
  const [curve, counts] = await Promise.all([
    episodeListening(episode.id, range, now),
    prisma.analyticsRollup.groupBy({
      by: ["kind"],
      where: { grain, start: { gte: starts[0]! }, subject: `episode:${episode.id}`, detail: "*", kind: { in: ["play", "listen", "download"] } },
      _sum: { events: true, visitors: true },
    }),
  ]);
  const chapters: Chapter[] = episodeExtras(episode).chapters;
  const cues = Array.isArray(episode.transcriptCues) ? (episode.transcriptCues as unknown as TranscriptCue[]) : [];
  const length = Math.max(episode.durationSeconds ?? 0, curve.length);
  const moment = (at: number) => {
    const cue = cues[cueIndexAt(cues, at)];
    return { chapter: chapterAt(chapters, at)?.title, said: cue ? (cue.speaker ? `${cue.speaker}: ${cue.text}` : cue.text) : undefined };
  };
  const count = (kind: string) => counts.find((row) => row.kind === kind)?._sum;
  return {
    episode: { id: episode.id, slug: episode.slug, title: episode.title },
    length,
    curve,
    runs: listeningRuns(curve, length),
    drops: dropOffs(curve, length).map((drop): ListeningMoment => ({ ...drop, ...moment(drop.at) })),
    chapters: chapters.map((chapter) => ({ ...chapter, listeners: curve[Math.floor(chapter.startTime)] ?? 0 })),
    cues: cues.filter((cue) => cue.start !== null).map((cue) => ({ ...cue, listeners: curve[Math.floor(cue.start!)] ?? 0 })),
    plays: count("play")?.events ?? 0,
    listeners: count("play")?.visitors ?? 0,
    heardSeconds: count("listen")?.events ?? 0,
    downloads: count("download")?.events ?? 0,
  };
}

export type CsvTable = z.infer<typeof analyticsExportSchema>["table"];

/** One of the analytics tables as CSV, as the admin's pages show it. */
export async function analyticsCsv(
  admin: Admin,
  request: { table: CsvTable; range: AnalyticsRange; episode?: string },
  now = new Date(),
): Promise<string | null> {
  if (request.table === "listening") {
    const listening = request.episode ? await episodeAnalytics(admin, request.episode, request.range, now) : null;
    if (!listening) return null;
    return csvRows([["second", "listeners"], ...Array.from({ length: listening.length }, (_, second) => [second, listening.curve[second] ?? 0])]);
  }
  const report = await analyticsReport(admin, request.range, now);
  const named = (rows: { name: string; events: number; visitors: number }[], label: string) => [
    [label, "events", "visitors"],
    ...rows.map((row) => [row.name, row.events, row.visitors]),
  ];
  switch (request.table) {
    case "periods":
      return csvRows([
        ["start", "plays", "listeners", "heard_seconds", "page_views", "visitors", "downloads"],
        ...report.periods.map((period) => [period.start, period.plays, period.listeners, period.heardSeconds, period.views, period.visitors, period.downloads]),
      ]);
    case "episodes":
      return csvRows([
        ["slug", "title", "plays", "listeners", "heard_seconds", "finished_share", "downloads", "page_views"],
        ...report.episodes.map((row) => [row.slug, row.title, row.plays, row.listeners, row.heardSeconds, row.finished.toFixed(3), row.downloads, row.views]),
      ]);
    case "stories":
      return csvRows([["slug", "title", "views", "visitors"], ...report.stories.map((row) => [row.slug, row.title, row.events, row.visitors])]);
    case "pages":
      return csvRows(
        named(
          report.pages.map((row) => ({ ...row, name: row.path })),
          "path",
        ),
      );
    case "sources":
      return csvRows(named(report.sources, "source"));
    case "platforms":
      return csvRows(named(report.platforms, "platform"));
    case "shares":
      return csvRows(named(report.shares, "network"));
    case "signups":
      return csvRows(
        named(
          report.signups.map((row) => ({ ...row, name: row.page })),
          "page",
        ),
      );
  }
}

/** The home page's list: the episodes with most listeners in the last seven days. */
export async function mostListenedThisWeek(limit: number, now = new Date()): Promise<EpisodeCard[]> {
  const rows = await prisma.analyticsRollup.groupBy({
    by: ["subject"],
    where: { grain: "day", kind: "play", detail: "*", subject: { startsWith: "episode:" }, start: { gte: new Date(now.getTime() - 7 * DAY) } },
    _sum: { visitors: true },
    orderBy: { _sum: { visitors: "desc" } },
    take: limit,
  });
  const ids = rows.map((row) => row.subject.slice("episode:".length));
  const episodes = await prisma.episode.findMany({ where: { id: { in: ids }, goneAt: null }, select: { id: true, ...episodeCardSelect } });
  return ids.flatMap((id) => {
    const episode = episodes.find((candidate) => candidate.id === id);
    if (!episode) return [];
    const { id: _id, ...card } = episode;
    return [card];
  });
}
