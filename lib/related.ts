// "Related episodes" and "Related stories" for an episode page: Postgres full-text search with the episode's own
// title and summary as an any-word query, titles weighted above text; recent episodes of the same show fill the
// list when too few match. The stories issue replaces the on-the-fly vectors with stored, indexed ones.
import { prisma, Prisma } from "@/lib/db";
import { episodeCardSelect, type EpisodeCard } from "@/lib/episodes";
import { publishedStoryWhere, storyCardSelect, type StoryCard } from "@/lib/stories";

export interface RelatedTo {
  id: string;
  showId: string;
  title: string;
  summary: string;
}

// The episode's words as a tsquery where any word may match ("bridges | inspect | county"), or none.
function anyWordQuery(source: RelatedTo): Prisma.Sql {
  const text = `${source.title} ${source.summary}`.slice(0, 2_000);
  return Prisma.sql`(SELECT NULLIF(replace(plainto_tsquery('english', ${text})::text, ' & ', ' | '), '')::tsquery)`;
}

function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function relatedEpisodes(source: RelatedTo, limit = 4): Promise<EpisodeCard[]> {
  const matches = await prisma.$queryRaw<{ id: string }[]>`
    WITH q AS (SELECT ${anyWordQuery(source)} AS query)
    SELECT e."id" FROM "Episode" e, q
    WHERE q.query IS NOT NULL AND e."id" <> ${source.id} AND e."goneAt" IS NULL
      AND to_tsvector('english', e."title" || ' ' || e."summary") @@ q.query
    ORDER BY ts_rank(setweight(to_tsvector('english', e."title"), 'A') || setweight(to_tsvector('english', e."summary"), 'B'), q.query) DESC,
      e."publishedAt" DESC
    LIMIT ${limit}`;
  const ids = matches.map((row) => row.id);
  if (ids.length < limit) {
    const recent = await prisma.episode.findMany({
      where: { showId: source.showId, id: { notIn: [source.id, ...ids] }, goneAt: null },
      select: { id: true },
      orderBy: { publishedAt: "desc" },
      take: limit - ids.length,
    });
    ids.push(...recent.map((row) => row.id));
  }
  const rows = await prisma.episode.findMany({ where: { id: { in: ids } }, select: { id: true, ...episodeCardSelect } });
  return inOrder(ids, rows);
}

export async function relatedStories(source: RelatedTo, limit = 3): Promise<StoryCard[]> {
  const now = new Date();
  const matches = await prisma.$queryRaw<{ id: string }[]>`
    WITH q AS (SELECT ${anyWordQuery(source)} AS query)
    SELECT s."id" FROM "Story" s, q
    WHERE q.query IS NOT NULL AND s."status" = 'PUBLISHED' AND s."publishedAt" <= ${now}
      AND to_tsvector('english', s."title" || ' ' || s."dek" || ' ' || s."body") @@ q.query
    ORDER BY ts_rank(setweight(to_tsvector('english', s."title" || ' ' || s."dek"), 'A') || setweight(to_tsvector('english', s."body"), 'C'), q.query) DESC,
      s."publishedAt" DESC
    LIMIT ${limit}`;
  const rows = await prisma.story.findMany({ where: { id: { in: matches.map((row) => row.id) }, ...publishedStoryWhere() }, select: { id: true, ...storyCardSelect } });
  return inOrder(
    matches.map((row) => row.id),
    rows,
  );
}
