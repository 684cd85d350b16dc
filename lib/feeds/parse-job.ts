// The CPU work of reading a fetched feed, in the parse worker: decode, cut into items, hash them, and parse all or only
// the changed ones. The channel comes first, episodes follow in batches, so an import writes while the rest is read.
import "server-only";
import { decodeFeed } from "./decode";
import { hashFeedItem, importHash } from "./hash";
import { splitFeedItems } from "./items";
import { readEpisodes, readFeedDocument, type FeedReadOptions, type ParsedFeed, type RawItem } from "./parse";

export interface ParseJobInput {
  bytes: Uint8Array;
  contentType?: string;
  feedUrl?: string;
  now?: Date;
  /** Hashes of the items stored at the last sync; given, unchanged items are not parsed again. */
  knownItemHashes?: string[];
}

export interface FeedHead {
  show: ParsedFeed["show"];
  /** Items to come in the batches, valid or not (for progress: a feed whose cut fails half-way may send fewer). */
  itemCount: number;
  /** Known items present again, unparsed. */
  unchangedItemHashes?: string[];
}

export interface EpisodeBatch {
  episodes: ParsedFeed["episodes"];
  skipped: ParsedFeed["skipped"];
  /** For each episode, the hash of its item's text (absent when the cut and the parser disagree). */
  itemHashes?: (string | undefined)[];
  /** importHash() of each episode, computed off the main thread. */
  importHashes?: string[];
}

export type ParseJobPart = { head: FeedHead } | { batch: EpisodeBatch };

/** A parsed feed as importers take it: the channel at once, the episodes as they are read (iterable once). */
export interface FeedParse extends FeedHead {
  batches: AsyncIterable<EpisodeBatch>;
}

// Items read per document and sent per batch: the first batch is written while the next ones are read.
const ITEMS_PER_BATCH = 500;

// Read a batch of items at a time, each as a document of its own, so the first episodes go out early. A batch whose
// document does not hold exactly its items means the cut is wrong: the rest is read as one document.
export async function* runParseJob(input: ParseJobInput): AsyncGenerator<ParseJobPart> {
  const { text } = decodeFeed(input.bytes, input.contentType);
  const options = { feedUrl: input.feedUrl, now: input.now };
  const pieces = splitFeedItems(text);
  if (!pieces) return yield* readWhole(text, options);
  const hashes = pieces.items.map(hashFeedItem);
  const known = new Set(input.knownItemHashes);
  // Items byte for byte as stored last time are not read again.
  const toRead = hashes.flatMap((hash, index) => (known.has(hash) ? [] : [index]));
  const documentOf = (indexes: number[]) => pieces.head + indexes.map((index) => pieces.items[index]).join("\n") + pieces.tail;

  let sentHead = false;
  for (let start = 0; start === 0 || start < toRead.length; start += ITEMS_PER_BATCH) {
    const batch = toRead.slice(start, start + ITEMS_PER_BATCH);
    // A batch that cannot be read alone is no error yet: the whole feed (or its rest) is read next and says why.
    const document = await readFeedDocument(documentOf(batch), options).catch(() => undefined);
    if (document?.items.length !== batch.length) {
      if (!sentHead) return yield* readWhole(text, options, hashes);
      const rest = toRead.slice(start);
      const restDocument = await readFeedDocument(documentOf(rest), options);
      return yield* batches(restDocument.items, options, restDocument.items.length === rest.length ? rest : undefined, hashes);
    }
    if (!sentHead) {
      const unchangedItemHashes = known.size > 0 ? [...new Set(hashes.filter((hash) => known.has(hash)))] : undefined;
      yield { head: { show: document.show, itemCount: toRead.length, unchangedItemHashes } };
      sentHead = true;
    }
    yield* batches(document.items, options, batch, hashes);
  }
}

/** The feed read as one document; its item hashes kept only if the cut agrees with it. */
async function* readWhole(text: string, options: FeedReadOptions, hashes?: string[]): AsyncGenerator<ParseJobPart> {
  const document = await readFeedDocument(text, options);
  yield { head: { show: document.show, itemCount: document.items.length } };
  const agrees = hashes && document.items.length === hashes.length;
  yield* batches(document.items, options, agrees ? hashes.map((_, index) => index) : undefined, hashes);
}

/** A document's items as batches of episodes; `positions` gives each item's place in the feed (and its hash). */
async function* batches(
  items: RawItem[],
  options: FeedReadOptions,
  positions: number[] | undefined,
  hashes: string[] | undefined,
): AsyncGenerator<ParseJobPart> {
  const position = (index: number) => positions?.[index] ?? index;
  for (let start = 0; start < items.length; start += ITEMS_PER_BATCH) {
    const { episodes, skipped, itemIndexes } = readEpisodes(items.slice(start, start + ITEMS_PER_BATCH), options, start);
    yield {
      batch: {
        episodes,
        skipped: skipped.map((skip) => ({ ...skip, index: position(skip.index) })),
        itemHashes: positions && hashes && itemIndexes.map((index) => hashes[position(index)]),
        importHashes: episodes.map(importHash),
      },
    };
  }
}

/** Takes a parse job's parts as they arrive: resolves with the channel, the batches to follow. */
export async function feedParseFrom(parts: AsyncIterable<ParseJobPart>): Promise<FeedParse> {
  const iterator = parts[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done || !("head" in first.value)) throw new Error("The feed parser answered without the feed's channel.");
  async function* batches() {
    try {
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if ("batch" in next.value) yield next.value.batch;
      }
    } finally {
      // An importer that stops early (its transaction failed) lets the rest go.
      await iterator.return?.();
    }
  }
  return { ...first.value.head, batches: batches() };
}

/** A feed parsed whole (a platform's API answer, a file at hand) as one batch. */
export function feedParseOf(feed: ParsedFeed): FeedParse {
  async function* batches() {
    yield { episodes: feed.episodes, skipped: feed.skipped };
  }
  return { show: feed.show, itemCount: feed.episodes.length + feed.skipped.length, batches: batches() };
}

/** Waits for every batch: for importers that need the whole feed at once (stories, platform items). */
export async function wholeFeed(parse: FeedParse): Promise<ParsedFeed> {
  const feed: ParsedFeed = { show: parse.show, episodes: [], skipped: [] };
  for await (const batch of parse.batches) {
    feed.episodes.push(...batch.episodes);
    feed.skipped.push(...batch.skipped);
  }
  return feed;
}
