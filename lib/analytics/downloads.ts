// Downloads counted the IAB way (Podcast Measurement Technical Guidelines 2.2): one per address and browser per
// episode in any 24 hours, whatever number of range requests an app makes; bots, HEAD and two-byte probes not counted.
import "server-only";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log";
import { EPISODE_ID } from "@/lib/validations/analytics";
import { clientAddress } from "@/lib/http/client-address";
import { analyticsSettings } from "./settings";
import { mayCountDownload, saltOf, utcDay, visitorHash } from "./visitors";

const WINDOW_MS = 24 * 3600_000;

/** The measurement address a feed gives for an episode's audio, keeping the file's name (some apps read its extension). */
export function measuredAudioPath(episodeId: string, audioUrl: string): string {
  let file = "audio";
  try {
    file = new URL(audioUrl, "http://x").pathname.split("/").pop() || file;
  } catch {
    // the path alone is cosmetic
  }
  return `/r/${encodeURIComponent(episodeId)}/${file}`;
}

export function countsAsDownload(request: { method: string; headers: Headers }): boolean {
  if (request.method !== "GET") return false;
  if (/^bytes=0-[01]$/.test(request.headers.get("range")?.trim() ?? "")) return false;
  return mayCountDownload(request.headers);
}

/** Records a download of an episode unless the same listener's app fetched it within 24 hours. Returns whether it counted. */
export async function countDownload(episodeId: string, request: { method: string; headers: Headers }, now = new Date()): Promise<boolean> {
  if (!countsAsDownload(request) || !(await analyticsSettings()).countDownloads) return false;
  const address = clientAddress(request.headers);
  const agent = request.headers.get("user-agent") ?? "";
  const today = visitorHash(await saltOf(utcDay(now)), address, agent);
  // A window that began yesterday is checked under yesterday's salt, the one it was recorded with.
  const visitors = [today, visitorHash(await saltOf(utcDay(new Date(now.getTime() - 86_400_000))), address, agent)];
  const subject = `episode:${episodeId}`;
  const since = new Date(now.getTime() - WINDOW_MS);
  return prisma.$transaction(async (tx) => {
    // An app's parallel range requests arrive together: one at a time per listener and episode.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${subject}|${today}`}))`;
    const earlier = await tx.analyticsEvent.findFirst({
      where: { kind: "download", subject, visitor: { in: visitors }, at: { gt: since } },
      select: { id: true },
    });
    if (earlier) return false;
    await tx.analyticsEvent.create({ data: { at: now, kind: "download", visitor: today, subject } });
    return true;
  });
}

/** Where a measurement address sends an app (the episode's audio as its feed gives it), counting the download on the way. */
export async function followMeasuredAudio(episodeId: string, request: { method: string; headers: Headers }): Promise<string | undefined> {
  if (!EPISODE_ID.test(episodeId)) return undefined;
  const episode = await prisma.episode.findUnique({ where: { id: episodeId }, select: { id: true, audioUrl: true } });
  if (!episode?.audioUrl) return undefined;
  // A count that fails (a database restarting) never stands between a listener and the audio.
  await countDownload(episode.id, request).catch((error: Error) => logger.warn({ err: error }, "a download could not be counted"));
  return new URL(episode.audioUrl, getEnv().SITE_URL).toString();
}
