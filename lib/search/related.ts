// "Related" lists (docs/decisions/0009): an editor's links and pins first, hidden items never; then items sharing a
// quarter of the twelve words that best say what the source is about (rare on the site, frequent here), by ts_rank.
import "server-only";
import { prisma, Prisma } from "@/lib/db";
import { inOrder } from "@/lib/database/in-order";
import { episodeCardSelect, type EpisodeCard } from "@/lib/episodes/episodes";
import { listedStoryWhere, storyCardSelect, type StoryCard } from "@/lib/stories/stories";
import type { ContentKind } from "@/lib/generated/prisma/enums";

export interface RelatedSource {
  kind: ContentKind;
  id: string;
  /** An episode's show: its episodes rank ahead of other shows' on the same subject. */
  showId?: string;
}

const QUERY_WORDS = 12;
// The relevance floor: one or two shared words are a coincidence ("a battery of tests" at "home games", home
// batteries); a quarter of the telling words, and never fewer than two, make a subject.
const MIN_SHARED_WORDS = 2;
const MIN_SHARED_SHARE = 0.25;
const SAME_SHOW_BOOST = 1.5;

function sourceVector(source: RelatedSource): Prisma.Sql {
  return source.kind === "EPISODE"
    ? Prisma.sql`(SELECT "searchVector" FROM "Episode" WHERE "id" = ${source.id})`
    : Prisma.sql`(SELECT "searchVector" FROM "Story" WHERE "id" = ${source.id})`;
}

/** The ids of candidates that share enough of the source's telling words, best ranked first. */
async function rankedMatches(source: RelatedSource, candidates: Prisma.Sql, exclude: string[], limit: number): Promise<string[]> {
  if (limit <= 0) return [];
  // A word no item holds but this one tells nothing; a word most items hold tells little. A word SearchTerm does
  // not know yet (added since its last refresh) counts as rare.
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    WITH site AS MATERIALIZED (
      -- The planner's row counts: exact enough for rarity, and free (counting rows would scan both tables).
      SELECT greatest(sum(reltuples), 0)::bigint AS items FROM pg_class WHERE oid IN ('"Episode"'::regclass, '"Story"'::regclass)),
    words AS (
      SELECT w.lexeme
      FROM unnest(${sourceVector(source)}) w LEFT JOIN "SearchTerm" t ON t."word" = w.lexeme, site
      WHERE coalesce(t."documents", 2) BETWEEN 2 AND greatest(3, site.items / 20)
      ORDER BY (CASE WHEN 'A' = ANY(w.weights) THEN 4 WHEN 'B' = ANY(w.weights) THEN 2 ELSE 1 END)
        * ln(greatest(site.items, 2)::float / coalesce(t."documents", 2))
        * (1 + ln(cardinality(w.positions))) DESC, w.lexeme
      LIMIT ${QUERY_WORDS}),
    q AS (SELECT string_agg(quote_literal(lexeme), ' | ')::tsquery AS query FROM words),
    candidates AS (${candidates})
    SELECT c."id" FROM candidates c, q
    WHERE q.query IS NOT NULL AND c.document @@ q.query AND c."id" <> ALL(${[source.id, ...exclude]}::text[])
      AND (SELECT count(*) FROM words w WHERE c.document @@ quote_literal(w.lexeme)::tsquery)
        >= greatest(${MIN_SHARED_WORDS}, ceil((SELECT count(*) FROM words) * ${MIN_SHARED_SHARE}::float8))
    ORDER BY ts_rank(c.document, q.query) * (CASE WHEN c."showId" = ${source.showId ?? null}::text THEN ${SAME_SHOW_BOOST}::float8 ELSE 1 END) DESC, c."publishedAt" DESC
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

/** What an editor decided for this source's list of `target` items: the ones that come first, the hidden ones. */
async function curated(source: RelatedSource, target: ContentKind): Promise<{ first: string[]; hidden: string[] }> {
  const [links, overrides] = await Promise.all([
    source.kind === target
      ? Promise.resolve([])
      : source.kind === "STORY"
        ? prisma.storyEpisode
            .findMany({ where: { storyId: source.id }, select: { episodeId: true }, orderBy: { position: "asc" } })
            .then((rows) => rows.map((row) => row.episodeId))
        : prisma.storyEpisode
            .findMany({ where: { episodeId: source.id }, select: { storyId: true }, orderBy: { story: { publishedAt: "desc" } } })
            .then((rows) => rows.map((row) => row.storyId)),
    prisma.relatedOverride.findMany({
      where: { sourceKind: source.kind, sourceId: source.id, targetKind: target },
      select: { targetId: true, pinned: true },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const hidden = overrides.filter((row) => !row.pinned).map((row) => row.targetId);
  const pinned = overrides.filter((row) => row.pinned).map((row) => row.targetId);
  const first = [...new Set([...links, ...pinned])].filter((id) => !hidden.includes(id));
  return { first, hidden };
}

export async function relatedEpisodes(source: RelatedSource, limit = 4): Promise<EpisodeCard[]> {
  const { first, hidden } = await curated(source, "EPISODE");
  const chosen = await prisma.episode.findMany({ where: { id: { in: first }, goneAt: null }, select: { id: true } });
  const ids = inOrder(first, chosen)
    .map((row) => row.id)
    .slice(0, limit);
  const skip = [...ids, ...hidden];
  ids.push(
    ...(await rankedMatches(
      source,
      Prisma.sql`SELECT e."id", e."showId", e."publishedAt", e."searchVector" AS document FROM "Episode" e WHERE e."goneAt" IS NULL`,
      skip,
      limit - ids.length,
    )),
  );
  const rows = await prisma.episode.findMany({ where: { id: { in: ids } }, select: { id: true, ...episodeCardSelect } });
  return inOrder(ids, rows);
}

export async function relatedStories(source: RelatedSource, limit = 3): Promise<StoryCard[]> {
  const { first, hidden } = await curated(source, "STORY");
  const chosen = await prisma.story.findMany({ where: { id: { in: first }, ...listedStoryWhere() }, select: { id: true } });
  const ids = inOrder(first, chosen)
    .map((row) => row.id)
    .slice(0, limit);
  ids.push(
    ...(await rankedMatches(
      source,
      Prisma.sql`
        SELECT s."id", NULL::text AS "showId", s."publishedAt", s."searchVector" AS document FROM "Story" s
        WHERE s."status" = 'PUBLISHED' AND s."kind" = 'ARTICLE' AND s."publishedAt" <= ${new Date()}`,
      [...ids, ...hidden],
      limit - ids.length,
    )),
  );
  const rows = await prisma.story.findMany({ where: { id: { in: ids } }, select: { id: true, ...storyCardSelect } });
  return inOrder(ids, rows);
}
