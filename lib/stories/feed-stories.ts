// Stories from a site's own RSS/Atom feed with full text (content:encoded, as WordPress and most CMSs write it),
// through the feed machinery episodes use: fetched, parsed and sanitized the same way; here each item becomes a
// story keyed by its guid, so a re-sync updates and never duplicates. Items that fall out of the feed stay.
import type { Prisma } from "@/lib/db";
import type { ImportCounts } from "@/lib/feeds/import";
import type { ParsedFeed } from "@/lib/feeds/parse";
import { slugPicker } from "./naming";

const DEK_MAX = 600;

export async function writeFeedStories(tx: Prisma.TransactionClient, sourceId: string, feed: ParsedFeed, now: Date): Promise<ImportCounts> {
  const existing = new Map(
    (await tx.story.findMany({ where: { sourceId, sourceGuid: { in: feed.episodes.map((item) => item.guid) } }, select: { id: true, sourceGuid: true } })).map((row) => [row.sourceGuid!, row.id]),
  );
  const pick = await slugPicker(tx);
  let created = 0;
  for (const item of feed.episodes) {
    const fields = {
      title: item.title,
      dek: item.summary.slice(0, DEK_MAX),
      body: item.notesHtml,
      bodyFormat: "HTML" as const,
      heroImageUrl: item.artworkUrl ?? null,
      audioUrl: item.audioUrl ?? null,
      audioType: item.audioType ?? null,
      audioDurationSeconds: item.durationSeconds ?? null,
    };
    const id = existing.get(item.guid);
    if (id) {
      await tx.story.update({ where: { id }, data: fields });
      continue;
    }
    await tx.story.create({ data: { ...fields, slug: pick(item.title), sourceId, sourceGuid: item.guid, status: "PUBLISHED", publishedAt: item.publishedAt ?? now } });
    created += 1;
  }
  return { created, updated: feed.episodes.length - created, unchanged: 0, gone: 0, skipped: feed.skipped };
}
