// Other platforms' items (YouTube, Rumble), which only accumulate, and episode links, recomputed on every sync except
// those a person accepted or rejected.
import "server-only";
import type { FeedKind, LinkStatus, Prisma } from "@/lib/generated/prisma/client";
import { invalidate } from "@/lib/cache/invalidate";
import { episodePages } from "@/lib/cache/tags";
import { prisma } from "@/lib/db";
import { MATCH_THRESHOLDS, matchItems } from "./match";
import type { ParsedFeed } from "./parse";
import { refusedAsSkipped } from "./import";
import { writeItems } from "@/lib/database/item-writes";
import { cutText } from "@/lib/text/safe-text";

/** The platform a source's items are on: a video feed's video site, else the feed's own host. */
export function platformOf(kind: FeedKind, feedUrl: string, feed?: Pick<ParsedFeed, "episodes">): string {
  if (kind === "YOUTUBE") return "youtube";
  if (kind === "APPLE") return "apple";
  if (kind === "SPOTIFY") return "spotify";
  if (kind === "PODCAST") return "rss";
  const videoPage = feed?.episodes.map((episode) => URL.parse(episode.link ?? "")).find((url) => url?.protocol === "https:");
  const host = (videoPage ?? new URL(feedUrl)).hostname.replace(/^www\./, "");
  return host.split(".").slice(-2, -1)[0] ?? host;
}

export interface ItemCounts {
  created: number;
  updated: number;
  refused: ParsedFeed["skipped"];
}

const ITEM_BATCH = 500;

export async function recordPlatformItems(
  tx: Prisma.TransactionClient,
  source: { id: string; kind: FeedKind; url: string },
  feed: ParsedFeed,
  now: Date,
): Promise<ItemCounts> {
  const platform = platformOf(source.kind, source.url, feed);
  const all = feed.episodes.map((episode, index) => ({
    sourceId: source.id,
    platform,
    externalId: episode.guid,
    url: episode.link ?? episode.audioUrl ?? "",
    title: episode.title,
    publishedAt: episode.publishedAt ?? new Date(now.getTime() - index),
    durationSeconds: episode.durationSeconds ?? null,
    description: episode.summary,
    lastSeenAt: now,
  }));
  const linkable = (row: (typeof all)[number]) => /^https?:\/\//.test(row.url);
  const rows = all.filter(linkable);
  const unlinkable = all
    .filter((row) => !linkable(row))
    .map((row) => ({ index: -1, title: cutText(row.title, 120), reason: "has no web address (link or media) to send listeners to" }));
  const known = new Set(
    (
      await tx.platformItem.findMany({ where: { sourceId: source.id, externalId: { in: rows.map((row) => row.externalId) } }, select: { externalId: true } })
    ).map((row) => row.externalId),
  );
  const fresh = rows.filter((row) => !known.has(row.externalId));
  const refusedFresh = await writeItems(tx, fresh, ITEM_BATCH, (batch) => tx.platformItem.createMany({ data: batch, skipDuplicates: true }));
  const seenAgain = rows.filter((candidate) => known.has(candidate.externalId));
  const refusedSeen = await writeItems(tx, seenAgain, ITEM_BATCH, async (batch) => {
    for (const row of batch) {
      await tx.platformItem.update({
        where: { sourceId_externalId: { sourceId: source.id, externalId: row.externalId } },
        data: { title: row.title, url: row.url, durationSeconds: row.durationSeconds, description: row.description, lastSeenAt: now },
      });
    }
  });
  return {
    created: fresh.length - refusedFresh.length,
    updated: seenAgain.length - refusedSeen.length,
    refused: [...unlinkable, ...refusedAsSkipped([...refusedFresh, ...refusedSeen])],
  };
}

export interface MatchCounts {
  linked: number;
  pending: number;
}

/** Recomputes the automatic links of one show, platform by platform; a person's decisions are left as they are. */
export async function matchShowItems(tx: Prisma.TransactionClient, showId: string, showTitle: string): Promise<MatchCounts> {
  const items = await tx.platformItem.findMany({
    where: { source: { showId } },
    select: { id: true, platform: true, externalId: true, url: true, title: true, publishedAt: true, durationSeconds: true },
  });
  if (items.length === 0) return { linked: 0, pending: 0 };
  const [episodes, decided] = await Promise.all([
    tx.episode.findMany({
      where: { showId },
      select: { id: true, guid: true, title: true, publishedAt: true, durationSeconds: true, link: true, notesHtml: true },
    }),
    tx.episodeLink.findMany({
      where: { episode: { showId }, status: { in: ["ACCEPTED", "REJECTED"] } },
      select: { episodeId: true, itemId: true, platform: true, status: true },
    }),
  ]);
  await tx.episodeLink.deleteMany({ where: { episode: { showId }, status: { in: ["AUTO", "PENDING"] } } });

  const counts: MatchCounts = { linked: 0, pending: 0 };
  for (const platform of new Set(items.map((item) => item.platform))) {
    const accepted = decided.filter((link) => link.platform === platform && link.status === "ACCEPTED");
    const chosen = matchItems(
      items.filter((item) => item.platform === platform),
      episodes,
      {
        showTitle,
        takenItems: new Set(accepted.flatMap((link) => (link.itemId ? [link.itemId] : []))),
        takenEpisodes: new Set(accepted.map((link) => link.episodeId)),
        excluded: new Set(decided.filter((link) => link.status === "REJECTED").map((link) => `${link.itemId}:${link.episodeId}`)),
      },
    );
    const byId = new Map(items.map((item) => [item.id, item]));
    await tx.episodeLink.createMany({
      data: chosen.map((candidate) => {
        const confident = candidate.confidence >= MATCH_THRESHOLDS.auto;
        counts[confident ? "linked" : "pending"] += 1;
        return {
          episodeId: candidate.episodeId,
          itemId: candidate.itemId,
          platform,
          url: byId.get(candidate.itemId)!.url,
          method: candidate.method,
          confidence: candidate.confidence,
          status: confident ? ("AUTO" as const) : ("PENDING" as const),
        };
      }),
    });
  }
  return counts;
}

/** A person accepts or rejects a link; later syncs keep the decision. */
export async function decideEpisodeLink(linkId: string, decision: "ACCEPTED" | "REJECTED") {
  const link = await prisma.episodeLink.update({
    where: { id: linkId },
    data: { status: decision, decidedAt: new Date() },
    select: { episode: { select: { slug: true } } },
  });
  await invalidate(episodePages(link.episode.slug));
}

/** The links an episode page may show: confident automatic ones and accepted ones. */
export const VISIBLE_LINK_STATUSES: LinkStatus[] = ["AUTO", "ACCEPTED"];
