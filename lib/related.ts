// "Related episodes" and "Related stories" for an episode page: Postgres full-text search with the episode's own
// title and summary as an any-word query against the stored, indexed search vectors (titles weigh most, then
// summaries and deks, then transcripts and bodies); recent episodes of the same show fill the list when too few
// match.
import { prisma, Prisma } from "@/lib/db";
import { inOrder } from "@/lib/in-order";
import { episodeCardSelect, type EpisodeCard } from "@/lib/episodes";
import { publishedStoryWhere, storyCardSelect, type StoryCard } from "@/lib/stories";

export interface RelatedTo {
  id: string;
  showId: string;
  title: string;
  summary: string;
}

/**
 * The ids of the candidates (a query selecting "id", "publishedAt" and the "document" to rank, a search vector)
 * that share words with the episode's title and summary, best ranked first.
 */
async function rankedMatches(source: RelatedTo, candidates: Prisma.Sql, limit: number): Promise<string[]> {
  const text = `${source.title} ${source.summary}`.slice(0, 2_000);
  // Any of the episode's words may match: plainto_tsquery's "&" between words becomes "|".
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    WITH q AS (SELECT NULLIF(replace(plainto_tsquery('english', ${text})::text, ' & ', ' | '), '')::tsquery AS query),
    candidates AS (${candidates})
    SELECT c."id" FROM candidates c, q
    WHERE q.query IS NOT NULL AND c.document @@ q.query
    ORDER BY ts_rank(c.document, q.query) DESC, c."publishedAt" DESC
    LIMIT ${limit}`;
  return rows.map((row) => row.id);
}

export async function relatedEpisodes(source: RelatedTo, limit = 4): Promise<EpisodeCard[]> {
  const ids = await rankedMatches(
    source,
    Prisma.sql`
      SELECT e."id", e."publishedAt", e."searchVector" AS document
      FROM "Episode" e
      WHERE e."id" <> ${source.id} AND e."goneAt" IS NULL`,
    limit,
  );
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
  const ids = await rankedMatches(
    source,
    Prisma.sql`
      SELECT s."id", s."publishedAt", s."searchVector" AS document
      FROM "Story" s
      WHERE s."status" = 'PUBLISHED' AND s."publishedAt" <= ${new Date()}`,
    limit,
  );
  const rows = await prisma.story.findMany({ where: { id: { in: ids }, ...publishedStoryWhere() }, select: { id: true, ...storyCardSelect } });
  return inOrder(ids, rows);
}
