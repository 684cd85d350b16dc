// All the CPU work of reading a fetched feed, done in the parse worker: decode the bytes, cut the text into items,
// hash each item, and parse either everything or, when most items are byte for byte as last time, only the others
// (with the channel around them). Nothing here touches the database.
import { decodeFeed } from "./decode";
import { hashFeedItem, importHash } from "./hash";
import { splitFeedItems } from "./items";
import { parsePodcastFeed, type ParsedFeed } from "./parse";

export interface ParseJobInput {
  bytes: Uint8Array;
  contentType?: string;
  feedUrl?: string;
  now?: Date;
  /** Hashes of the items stored at the last sync; given, unchanged items are not parsed again. */
  knownItemHashes?: string[];
}

export interface ParseJobResult {
  feed: ParsedFeed;
  /** For each parsed episode, the hash of its item's text (absent when the cut and the parser disagree). */
  itemHashes?: (string | undefined)[];
  /** Known items present again, unparsed. */
  unchangedItemHashes?: string[];
  /** importHash() of each parsed episode, computed here rather than on the server's main thread. */
  importHashes: string[];
}

export async function runParseJob(input: ParseJobInput): Promise<ParseJobResult> {
  const result = await parseJob(input);
  return { ...result, importHashes: result.feed.episodes.map(importHash) };
}

async function parseJob(input: ParseJobInput): Promise<Omit<ParseJobResult, "importHashes">> {
  const { text } = decodeFeed(input.bytes, input.contentType);
  const options = { feedUrl: input.feedUrl, now: input.now };
  const pieces = splitFeedItems(text);
  if (!pieces) return { feed: await parsePodcastFeed(text, options) };
  const hashes = pieces.items.map(hashFeedItem);

  const known = new Set(input.knownItemHashes);
  if (known.size > 0) {
    const changed = hashes.flatMap((hash, index) => (known.has(hash) ? [] : [index]));
    const partial = await parsePodcastFeed(pieces.head + changed.map((index) => pieces.items[index]).join("\n") + pieces.tail, options);
    if (partial.itemCount === changed.length && partial.itemIndexes) {
      return {
        feed: { ...partial, skipped: partial.skipped.map((skip) => ({ ...skip, index: changed[skip.index] ?? skip.index })) },
        itemHashes: partial.itemIndexes.map((index) => hashes[changed[index]!]),
        unchangedItemHashes: [...new Set(hashes.filter((hash) => known.has(hash)))],
      };
    }
  }
  const feed = await parsePodcastFeed(text, options);
  const agrees = feed.itemCount === pieces.items.length && feed.itemIndexes;
  return { feed, itemHashes: agrees ? feed.itemIndexes!.map((index) => hashes[index]) : undefined };
}
