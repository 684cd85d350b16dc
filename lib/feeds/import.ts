// Writes a parsed podcast feed into the database: the show, then its episodes matched by GUID. One transaction per
// feed, so a failure half-way leaves the database as it was.
import { prisma, Prisma } from "@/lib/db";
import { slugify, uniqueSlug } from "@/lib/slug";
import type { ParsedEpisode } from "@/lib/validations/feed";
import { parsePodcastFeed, type ParsedFeed } from "./parse";

export interface FeedImportResult {
  showId: string;
  showSlug: string;
  created: number;
  updated: number;
  skipped: ParsedFeed["skipped"];
}

export interface FeedImportOptions {
  /** Where the XML came from: relative links in the feed resolve against it. */
  feedUrl?: string;
  onProgress?: (done: number, total: number) => void;
}

function episodeData(episode: ParsedEpisode) {
  const { guid: _guid, ...fields } = episode;
  return {
    ...fields,
    durationSeconds: fields.durationSeconds ?? null,
    audioUrl: fields.audioUrl ?? null,
    audioType: fields.audioType ?? null,
    audioLength: fields.audioLength ?? null,
    artworkUrl: fields.artworkUrl ?? null,
    season: fields.season ?? null,
    number: fields.number ?? null,
  };
}

async function upsertShow(tx: Prisma.TransactionClient, feed: ParsedFeed, feedUrl: string | undefined) {
  const fields = {
    title: feed.show.title,
    description: feed.show.description,
    author: feed.show.author,
    artworkUrl: feed.show.artworkUrl ?? null,
    language: feed.show.language ?? null,
    siteUrl: feed.show.siteUrl ?? null,
  };
  const existing = feedUrl
    ? await tx.show.findFirst({ where: { rssUrl: feedUrl }, select: { id: true, slug: true } })
    : await tx.show.findUnique({ where: { slug: slugify(feed.show.title) }, select: { id: true, slug: true } });
  if (existing) {
    await tx.show.update({ where: { id: existing.id }, data: fields });
    return existing;
  }
  const slug = await uniqueSlug(slugify(feed.show.title), async (candidate) =>
    Boolean(await tx.show.findUnique({ where: { slug: candidate }, select: { id: true } })),
  );
  return tx.show.create({ data: { ...fields, slug, rssUrl: feedUrl ?? null }, select: { id: true, slug: true } });
}

export async function importPodcastFeed(xml: string, options: FeedImportOptions = {}): Promise<FeedImportResult> {
  const feed = await parsePodcastFeed(xml, { feedUrl: options.feedUrl });
  return prisma.$transaction(
    async (tx) => {
      const show = await upsertShow(tx, feed, options.feedUrl);
      const existing = await tx.episode.findMany({ where: { showId: show.id }, select: { id: true, guid: true } });
      const idByGuid = new Map(existing.map((episode) => [episode.guid, episode.id]));
      const slugTaken = async (candidate: string) =>
        Boolean(await tx.episode.findUnique({ where: { slug: candidate }, select: { id: true } }));

      let created = 0;
      let updated = 0;
      for (const [index, episode] of feed.episodes.entries()) {
        const id = idByGuid.get(episode.guid);
        if (id) {
          // The slug is left alone: links to the episode must keep working after a title edit.
          await tx.episode.update({ where: { id }, data: episodeData(episode) });
          updated += 1;
        } else {
          const slug = await uniqueSlug(slugify(episode.title), slugTaken);
          const row = await tx.episode.create({
            data: { ...episodeData(episode), guid: episode.guid, slug, showId: show.id },
            select: { id: true },
          });
          idByGuid.set(episode.guid, row.id);
          created += 1;
        }
        options.onProgress?.(index + 1, feed.episodes.length);
      }
      return { showId: show.id, showSlug: show.slug, created, updated, skipped: feed.skipped };
    },
    { timeout: 120_000 },
  );
}
