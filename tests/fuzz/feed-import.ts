// The whole path from feed bytes to rows on the real database, fuzzed: bytes decoded and parsed as the parse worker
// does (runParseJob, in this thread), then synced into a podcast, a stories or a video source of one show exactly as
// a fetched feed is (importRead: one transaction, the run log, the cache announcement). Whatever the bytes, the
// run either refuses the feed with a reason or imports it; never an unexpected error, and everything written reads
// back as well-formed text without NUL. `npm run fuzz` runs it 100,000 times; an integration test a few hundred.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { prisma } from "@/lib/db";
import { feedParseFrom, runParseJob, type EpisodeBatch } from "@/lib/feeds/parse-job";
import { importRead } from "@/lib/feeds/sync";
import type { FeedKind } from "@/lib/generated/prisma/client";
import { FEED_LIMITS } from "@/lib/validations/feed";
import type { FuzzProperty } from "./properties";

// Where text is cut or refused: each length limit, and the summary's and a story dek's cut.
const LIMITS = [...Object.values(FEED_LIMITS), 100, 120, 200, 300, 600];
// What used to break a write or a parse when it sat at a limit: astral characters (a pair to split), lone
// surrogates and NUL, raw and by reference, and entities of every kind.
const AWKWARD = [
  "🎙️",
  "👩‍👩‍👧‍👦",
  "𝔪",
  "𓀀",
  "\uD800",
  "\uDFFF",
  "\u0000",
  "\u0007",
  "\uFFFE",
  "&#0;",
  "&#xD800;",
  "&#xDFFF;",
  "&#x1F399;",
  "&#127897;",
  "&#99999999;",
  "&#xFFFE;",
  "&#x0B;",
  "&amp;",
  "&lt;",
  "&gtgt;",
  "&eacute;",
  "&rsquo;",
  "&nbsp;",
  "&unknown;",
  "&",
  "&#",
  "&#x;",
  "&amp;#0;",
  "]]>",
  "<![CDATA[\u0000🎙️]]>",
  "<",
  ">",
  '"',
];

const awkward = fc.constantFrom(...AWKWARD);
const freeText = fc.string({ unit: fc.oneof(fc.constantFrom(...AWKWARD), fc.string({ unit: "binary", minLength: 1, maxLength: 1 })), maxLength: 12 });
/** Text whose awkward character lands on, just before or just after a length limit. */
const atLimit = fc
  .tuple(fc.constantFrom(...LIMITS), fc.integer({ min: -2, max: 2 }), awkward, freeText, fc.constantFrom("x", "é", "中"))
  .map(([limit, offset, character, tail, filler]) => `${filler.repeat(Math.max(0, limit + offset - 1))}${character}${tail}`);
const value = fc.oneof({ weight: 3, arbitrary: freeText }, { weight: 2, arbitrary: atLimit }, { weight: 1, arbitrary: fc.constant("") });

const shared = fc.constantFrom("a", "b", "c");
const item = fc.record({
  title: value,
  guid: fc.oneof(shared, value),
  enclosure: fc.oneof(
    fc.constant(undefined),
    shared.map((name) => `https://cdn.fuzz.example/${name}.mp3`),
    value,
  ),
  summary: value,
  notes: value,
  person: value,
  link: fc.oneof(
    fc.constant(undefined),
    shared.map((name) => `https://fuzz.example/${name}`),
    value,
  ),
});

const attribute = (text: string) => text.replace(/"/g, "&quot;");
const feedText = fc
  .record({ title: value, description: value, category: value, items: fc.array(item, { maxLength: 5 }) })
  .map(
    (feed) =>
      `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0"><channel><title>${feed.title}</title><description>${feed.description}</description><itunes:category text="${attribute(feed.category)}"/>${feed.items
        .map(
          (entry) =>
            `<item><title>${entry.title}</title><guid>${entry.guid}</guid><itunes:summary>${entry.summary}</itunes:summary><content:encoded>${entry.notes}</content:encoded><podcast:person>${entry.person}</podcast:person>${entry.link === undefined ? "" : `<link>${entry.link}</link>`}${entry.enclosure === undefined ? "" : `<enclosure url="${attribute(entry.enclosure)}" type="audio/mpeg" length="1"/>`}</item>`,
        )
        .join("")}</channel></rss>`,
  );

/** The bytes of the feed, as UTF-8 or with a few raw bytes no encoder would write (a stray Latin-1 byte, say). */
const feedBytes = fc
  .tuple(feedText, fc.array(fc.tuple(fc.nat(), fc.constantFrom(0x00, 0x80, 0xc0, 0xed, 0xf8, 0xff)), { maxLength: 3 }))
  .map(([text, strays]) => {
    const bytes = Buffer.from(text);
    if (strays.length === 0) return bytes;
    const parts: Buffer[] = [];
    let start = 0;
    for (const [at, byte] of [...strays].map(([position, byte]) => [position % (bytes.length + 1), byte] as const).sort((a, b) => a[0] - b[0])) {
      parts.push(bytes.subarray(start, at), Buffer.from([byte]));
      start = at;
    }
    parts.push(bytes.subarray(start));
    return Buffer.concat(parts);
  });

const KINDS: FeedKind[] = ["PODCAST", "STORIES", "YOUTUBE"];
// Rows are removed now and then so that a long run keeps matching and slug lookups as cheap as at the start.
const RESET_EVERY = 20;

function wellFormed(text: string | null, where: string): void {
  if (text !== null && (!text.isWellFormed() || text.includes("\0")))
    throw new Error(`${where} was stored with NUL or a lone surrogate: ${JSON.stringify(text.slice(0, 200))}`);
}

export const FEED_IMPORT_NAME = "Feed bytes to rows (on the database: podcast, stories and video sources)";

/** The property, on the database Prisma is connected to now (it adds one show with three sources to it). */
export async function feedImportProperty(): Promise<FuzzProperty> {
  const show = await prisma.show.create({ data: { slug: `fuzz-${Date.now().toString(36)}`, title: "Fuzz" } });
  const sources = await Promise.all(
    KINDS.map((kind) => prisma.feedSource.create({ data: { showId: show.id, kind, url: `https://fuzz.example/${kind.toLowerCase()}-${show.slug}.xml` } })),
  );
  let runs = 0;
  return {
    name: FEED_IMPORT_NAME,
    // About 20 ms an input on two busy cores: 100,000 take over half an hour.
    timeLimitMs: 90 * 60_000,
    property: fc.asyncProperty(fc.tuple(feedBytes, fc.nat({ max: KINDS.length - 1 })), async (input: unknown) => {
      const [bytes, kindIndex] = input as [Buffer, number];
      const source = sources[kindIndex]!;
      if ((runs += 1) % RESET_EVERY === 0) {
        await prisma.episode.deleteMany({ where: { showId: show.id } });
        await prisma.story.deleteMany({ where: { sourceId: sources[1]!.id } });
        await prisma.platformItem.deleteMany({ where: { sourceId: sources[2]!.id } });
        await prisma.syncRun.deleteMany({ where: { source: { showId: show.id } } });
      }
      const known = await prisma.episode.findMany({ where: { sourceId: source.id, feedItemHash: { not: null } }, select: { id: true, feedItemHash: true } });
      const idByHash = new Map(known.map((row) => [row.feedItemHash!, row.id]));
      // Counts the items the parse job hands over (fewer than its head announced if the cut failed half-way).
      let delivered = 0;
      async function* counted(batches: AsyncIterable<EpisodeBatch>) {
        for await (const batch of batches) {
          delivered += batch.episodes.length + batch.skipped.length;
          yield batch;
        }
      }
      const parsed = await feedParseFrom(runParseJob({ bytes, feedUrl: source.url, knownItemHashes: source.kind === "PODCAST" ? [...idByHash.keys()] : [] }))
        .then((feed) => ({
          feed: { ...feed, batches: counted(feed.batches) },
          unchangedIds: feed.unchangedItemHashes?.flatMap((hash) => (idByHash.has(hash) ? [idByHash.get(hash)!] : [])),
        }))
        .catch((error: Error) => error);
      if (parsed instanceof Error) {
        if (parsed.name !== "FeedParseError") throw parsed;
        return;
      }
      const since = new Date();
      const fetched = {
        status: "fetched" as const,
        url: source.url,
        httpStatus: 200,
        body: bytes,
        contentHash: createHash("sha256").update(bytes).digest("hex"),
      };
      const result = await importRead(source.id, { fetched, ...parsed });
      if (result.status !== "IMPORTED") throw new Error(`the sync did not import: ${result.status === "FAILED" ? result.error : result.status}`);

      const [episodes, stories, items, run] = await Promise.all([
        prisma.episode.findMany({
          where: { showId: show.id, updatedAt: { gte: since } },
          select: { guid: true, title: true, summary: true, notesHtml: true, persons: true },
        }),
        prisma.story.findMany({ where: { sourceId: sources[1]!.id, updatedAt: { gte: since } }, select: { title: true, dek: true, body: true } }),
        prisma.platformItem.findMany({ where: { sourceId: sources[2]!.id, lastSeenAt: { gte: since } }, select: { title: true, description: true } }),
        prisma.syncRun.findUniqueOrThrow({ where: { id: result.runId }, select: { notes: true, warning: true } }),
      ]);
      for (const episode of episodes)
        for (const [field, text] of Object.entries({ ...episode, persons: JSON.stringify(episode.persons) })) wellFormed(text, `an episode's ${field}`);
      for (const story of stories) for (const [field, text] of Object.entries(story)) wellFormed(text, `a story's ${field}`);
      for (const platformItem of items) for (const [field, text] of Object.entries(platformItem)) wellFormed(text, `a platform item's ${field}`);
      wellFormed(JSON.stringify(run.notes), "the run's notes");
      // Characters are mended before any write, and identities compared as stored: the database never refuses an
      // item for its characters or as a duplicate (a GUID too long for its index is a fair refusal).
      const unfairRefusal = result.skipped?.find((skip) => /invalid byte sequence|Unicode escape|0x00|duplicate key/i.test(skip.reason));
      if (unfairRefusal) throw new Error(`an item was refused: ${unfairRefusal.reason}`);
      const written = (result.created ?? 0) + (result.updated ?? 0) + (result.unchanged ?? 0);
      if (written + (result.skipped?.length ?? 0) + (result.notes?.length ?? 0) < delivered) {
        throw new Error(`${delivered} items parsed, but only ${written} written and nothing said about the rest`);
      }
    }) as fc.IAsyncProperty<[unknown]>,
  };
}
