// What the admin's feed pages read and change.
import "server-only";
import { AppError } from "@/lib/errors";
import { z } from "zod";
import { prisma } from "@/lib/db";
import { assertStaff, type Admin } from "@/lib/auth/staff";

export async function listSourcesForAdmin(admin: Admin) {
  assertStaff(admin, "ADMIN");
  return prisma.feedSource.findMany({
    select: {
      id: true,
      url: true,
      kind: true,
      enabled: true,
      lastFetchedAt: true,
      lastStatus: true,
      lastError: true,
      syncStartedAt: true,
      show: { select: { slug: true, title: true } },
      _count: { select: { episodes: true, platformItems: true, stories: true } },
    },
    orderBy: [{ show: { title: "asc" } }, { createdAt: "asc" }],
  });
}

export async function listRecentSyncRuns(admin: Admin, limit = 25) {
  assertStaff(admin, "ADMIN");
  const runs = await prisma.syncRun.findMany({
    select: {
      id: true,
      status: true,
      startedAt: true,
      durationMs: true,
      httpStatus: true,
      created: true,
      updated: true,
      unchanged: true,
      skipped: true,
      gone: true,
      heldBack: true,
      error: true,
      warning: true,
      notes: true,
      trigger: true,
      source: { select: { url: true, show: { select: { slug: true, title: true } } } },
    },
    orderBy: { startedAt: "desc" },
    take: limit,
  });
  return runs.map((run) => ({ ...run, notes: runNotesSchema.parse(run.notes) }));
}

// Written by lib/feeds/sync.ts; read back defensively (an older row, a hand edit), never failing the page.
const runNotesSchema = z.array(z.object({ item: z.string(), note: z.string() })).catch([]);

export async function listShowsForAdmin(admin: Admin) {
  assertStaff(admin, "ADMIN");
  return prisma.show.findMany({
    select: { slug: true, title: true, appleUrl: true, spotifyUrl: true, youtubeUrl: true, rumbleUrl: true },
    orderBy: { title: "asc" },
  });
}

export async function setSourceEnabled(sourceId: string, enabled: boolean) {
  await prisma.feedSource.update({ where: { id: sourceId }, data: { enabled } });
}

export async function listLinksForReview(admin: Admin) {
  assertStaff(admin, "ADMIN");
  return prisma.episodeLink.findMany({
    where: { status: "PENDING" },
    select: {
      id: true,
      platform: true,
      url: true,
      confidence: true,
      method: true,
      episode: { select: { slug: true, title: true, publishedAt: true } },
      item: { select: { title: true, publishedAt: true } },
    },
    orderBy: { confidence: "desc" },
  });
}

/** A new address for a source (the host moved): validators are dropped so the next sync fetches it whole. */
export async function changeSourceUrl(sourceId: string, url: string) {
  const taken = await prisma.feedSource.findFirst({ where: { url, id: { not: sourceId } }, select: { id: true } });
  if (taken) throw new AppError("conflict", `${url} is already another source.`);
  await prisma.feedSource.update({ where: { id: sourceId }, data: { url, etag: null, lastModified: null, contentHash: null } });
}

/** The newest episodes, to link one by hand to its page on a platform. */
export async function listEpisodesForLinking(admin: Admin, limit = 200) {
  assertStaff(admin, "ADMIN");
  return prisma.episode.findMany({
    select: { slug: true, title: true, publishedAt: true, show: { select: { title: true } } },
    orderBy: { publishedAt: "desc" },
    take: limit,
  });
}

/** How a show is named in the admin's menus and logs: its title, and its address too when another show has the same title. */
export function showNamer(shows: { slug: string; title: string }[]): (show: { slug: string; title: string }) => string {
  const counts = new Map<string, number>();
  for (const show of shows) counts.set(show.title, (counts.get(show.title) ?? 0) + 1);
  return (show) => ((counts.get(show.title) ?? 0) > 1 ? `${show.title} (/shows/${show.slug})` : show.title);
}
