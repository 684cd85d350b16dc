// Stories from a site's own full-text feed, through the episodes' feed machinery; each item keyed by its guid, so a
// re-sync updates and never duplicates.
import "server-only";
import type { Prisma } from "@/lib/db";
import { refusedAsSkipped, type ImportCounts } from "@/lib/feeds/import";
import type { ParsedFeed } from "@/lib/feeds/parse";
import { writeItems } from "@/lib/database/item-writes";
import { slugPicker } from "./naming";
import { cutText } from "@/lib/text/safe-text";

const DEK_MAX = 600;
const STORY_BATCH = 200;

export async function writeFeedStories(tx: Prisma.TransactionClient, sourceId: string, feed: ParsedFeed, now: Date): Promise<ImportCounts> {
  const existing = new Map(
    (await tx.story.findMany({ where: { sourceId, sourceGuid: { in: feed.episodes.map((item) => item.guid) } }, select: { id: true, sourceGuid: true } })).map(
      (row) => [row.sourceGuid!, row.id],
    ),
  );
  const pick = await slugPicker(tx);
  // The same GUID twice in one feed is one story: the first item is kept, as for episodes.
  const guids = new Set<string>();
  const kept: ParsedFeed["episodes"] = [];
  const repeats: ParsedFeed["episodes"] = [];
  for (const item of feed.episodes) {
    (guids.has(item.guid) ? repeats : kept).push(item);
    guids.add(item.guid);
  }
  const writes = kept.map((item) => {
    const fields = {
      title: item.title,
      dek: cutText(item.summary, DEK_MAX),
      body: item.notesHtml,
      bodyFormat: "HTML" as const,
      heroImageUrl: item.artworkUrl ?? null,
      audioUrl: item.audioUrl ?? null,
      audioType: item.audioType ?? null,
      audioDurationSeconds: item.durationSeconds ?? null,
    };
    const id = existing.get(item.guid);
    return {
      title: item.title,
      id,
      write: id
        ? () => tx.story.update({ where: { id }, data: fields })
        : () =>
            tx.story.create({
              data: { ...fields, slug: pick(item.title), sourceId, sourceGuid: item.guid, status: "PUBLISHED", publishedAt: item.publishedAt ?? now },
            }),
    };
  });
  const refused = await writeItems(tx, writes, STORY_BATCH, async (batch) => {
    for (const story of batch) await story.write();
  });
  const written = writes.filter((story) => !refused.some((refusal) => refusal.item === story));
  const created = written.filter((story) => !story.id).length;
  return {
    created,
    updated: written.length - created,
    unchanged: 0,
    gone: 0,
    skipped: [...feed.skipped, ...refusedAsSkipped(refused)],
    notes: repeats.map((item) => ({ item: item.title, note: "repeats the GUID of an earlier item of the feed: the first one was kept" })),
  };
}
