// Site search through Postgres full-text search (websearch_to_tsquery: "phrase", or, -exclude): title and summary
// hits first, then the words together as typed, then the rest, newest first; a transcript hit points at its moment.
import "server-only";
import type { EpisodeCard } from "@/lib/episodes/episodes";
import { prisma, Prisma } from "@/lib/db";
import type { StoryCard } from "@/lib/stories/stories";

// Ten of each on the page, as search engines show: a longer list is seldom read, and every hit costs a snippet.
const RESULTS_PER_KIND = 10;
const SUGGESTIONS = 6;
// Marks ts_headline puts around matched words: control characters no feed or story text can carry through our
// sanitizing, turned into <mark> by the page, so nothing from the database is ever rendered as HTML.
const MARK_START = "\u0002";
const MARK_END = "\u0003";
// A story's body is Markdown or imported HTML: its snippet is read from the words alone (tags, link targets and
// Markdown's marks left out), so a reader never sees "**" or "](https://…".
const STORY_SNIPPET_TEXT = Prisma.raw(
  [
    [String.raw`<[^>]*>`, " "],
    [String.raw`!?\[([^\]]*)\]\([^)]*\)`, String.raw`\1`],
    [String.raw`(^|\s)[#>*+_~-]+\s|[*_~` + "`]+", String.raw`\1 `],
  ].reduce((sql, [pattern, replacement]) => `regexp_replace(${sql}, '${pattern}', '${replacement}', 'g')`, `left(s."body", 3000)`),
);
const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=28, MinWords=10, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

export type SearchKind = "all" | "episodes" | "stories";

export interface SearchFilters {
  query: string;
  kind: SearchKind;
  showSlug?: string;
  /** Published on or after this day (UTC). */
  from?: Date;
  /** Published on or before this day (UTC). */
  to?: Date;
  /** Which ten of each kind: 1 for the best. */
  page?: number;
}

/** A snippet as plain-text pieces, the matched ones marked. */
export type Snippet = { text: string; match: boolean }[];

export interface EpisodeHit {
  episode: EpisodeCard;
  snippet: Snippet;
  /** Where in the episode the transcript says it, when the hit is in the transcript. */
  moment?: number;
}

export interface StoryHit {
  story: StoryCard;
  snippet: Snippet;
}

export interface SearchResults {
  episodes: EpisodeHit[];
  stories: StoryHit[];
  /** Whether a next page has more of each kind. */
  moreEpisodes: boolean;
  moreStories: boolean;
}

export function snippetParts(headline: string): Snippet {
  return headline
    .split(MARK_START)
    .flatMap((part, index) => {
      if (index === 0) return [{ text: part, match: false }];
      const [matched = "", rest = ""] = part.split(MARK_END);
      return [
        { text: matched, match: true },
        { text: rest, match: false },
      ];
    })
    .filter((part) => part.text.length > 0)
    .map((part) => ({ ...part, text: part.text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "") }));
}

/** A cheap sieve for the transcript line that says the query (word starts that survive stemming) before the exact test. */
function likePatterns(query: string): string[] {
  const words = [...query.toLowerCase().matchAll(/(^|[^\p{L}\p{N}-])(-?)([\p{L}\p{N}]+)/gu)]
    .filter((match) => match[2] !== "-" && match[3] !== "or")
    .map((match) => match[3]!);
  return words.length ? words.map((word) => `%${word.slice(0, Math.max(3, Math.min(word.length - 2, 6)))}%`) : ["%"];
}

const endOfDay = (day: Date) => new Date(day.getTime() + 86_400_000 - 1);

// websearch_to_tsquery is named in the WHERE itself, so the planner sees the words: a rare one goes through the GIN
// index, a common one walks the newest rows.
const withQuery = (query: string) => Prisma.sql`WITH q AS (SELECT websearch_to_tsquery('english', ${query}) AS query)`;

/** A page of matches, tier by tier: a few cheap questions instead of ranking every match of a common word. */
function rankedMatches(from: Prisma.Sql, t: "e" | "s", filters: SearchFilters): Prisma.Sql {
  const table = Prisma.raw(t);
  const offset = ((filters.page ?? 1) - 1) * RESULTS_PER_KIND;
  // Enough of both to fill this page, and one more to know whether another page follows.
  const enough = offset + RESULTS_PER_KIND + 1;
  const phrase = phraseOf(filters.query);
  return Prisma.sql`
    SELECT * FROM (
      SELECT DISTINCT ON ("id") * FROM (
        (SELECT recent."id", recent."publishedAt", ${TIER.title} AS tier, ts_rank(recent."titleVector", q.query) AS rank
         FROM (SELECT ${table}."id", ${table}."publishedAt", ${table}."titleVector" ${from} AND ${table}."titleVector" @@ websearch_to_tsquery('english', ${filters.query})
               ORDER BY ${table}."publishedAt" DESC LIMIT ${WINDOW}) recent, q
         ORDER BY rank DESC, recent."publishedAt" DESC LIMIT ${enough})
        UNION ALL
        ${
          phrase
            ? Prisma.sql`(SELECT recent."id", recent."publishedAt", ${TIER.phrase} AS tier, 0 AS rank
               FROM (SELECT ${table}."id", ${table}."publishedAt", ${table}."searchVector" ${from} AND ${table}."searchVector" @@ websearch_to_tsquery('english', ${filters.query})
                     ORDER BY ${table}."publishedAt" DESC LIMIT ${WINDOW}) recent
               WHERE recent."searchVector" @@ phraseto_tsquery('english', ${phrase})
               ORDER BY recent."publishedAt" DESC LIMIT ${enough})
              UNION ALL`
            : Prisma.empty
        }
        (SELECT ${table}."id", ${table}."publishedAt", ${TIER.other} AS tier, 0 AS rank
         ${from} AND ${table}."searchVector" @@ websearch_to_tsquery('english', ${filters.query})
         ORDER BY ${table}."publishedAt" DESC LIMIT ${enough})
      ) found
      ORDER BY "id", tier
    ) matches
    ORDER BY tier, rank DESC, "publishedAt" DESC
    OFFSET ${offset} LIMIT ${RESULTS_PER_KIND + 1}`;
}

// Ranking costs per row: the title and phrase tiers look at the newest few hundred rows with all the words (an
// older match is still found among the words-anywhere ones).
const WINDOW = 500;

// How a match was found, best first: in the title or summary; the words together, as typed, in the transcript or
// body; the words anywhere.
const TIER = { title: 0, phrase: 1, other: 2 } as const;

/** Several plain words with no search syntax ("parts pairing"): the phrase a transcript saying exactly that has. */
function phraseOf(query: string): string | undefined {
  if (!/^[\p{L}\p{N}\s'’]+$/u.test(query) || /(^|\s)or(\s|$)/i.test(query)) return undefined;
  return query.trim().split(/\s+/).length >= 2 ? query : undefined;
}

async function searchEpisodes(filters: SearchFilters): Promise<EpisodeHit[]> {
  const filtered = Prisma.sql`
    FROM "Episode" e, q
    WHERE ${filters.showSlug ? Prisma.sql`e."showId" IN (SELECT "id" FROM "Show" WHERE "slug" = ${filters.showSlug})` : Prisma.sql`true`}
      AND (${filters.from ?? null}::timestamp IS NULL OR e."publishedAt" >= ${filters.from ?? null})
      AND (${filters.to ? endOfDay(filters.to) : null}::timestamp IS NULL OR e."publishedAt" <= ${filters.to ? endOfDay(filters.to) : null})`;
  // The cards' fields come with the hits, in one round trip (the search benchmark's p99 is mostly round trips).
  type Row = Omit<EpisodeCard, "show" | "episodeType"> & {
    episodeType: string;
    showSlug: string;
    showTitle: string;
    showArtworkUrl: string | null;
    headline: string;
    moment: number | null;
  };
  const rows = await prisma.$queryRaw<Row[]>`
    -- The page's worth of matches as narrow rows (see rankedMatches), joined back for cards, snippets and moments.
    ${withQuery(filters.query)},
    ranked AS (${rankedMatches(filtered, "e", filters)})
    SELECT e."slug", e."title", e."summary", e."publishedAt", e."durationSeconds", e."artworkUrl", e."season", e."number",
      e."episodeType"::text AS "episodeType", e."audioUrl",
      sh."slug" AS "showSlug", sh."title" AS "showTitle", sh."artworkUrl" AS "showArtworkUrl",
      ts_headline('english', coalesce(hit.text, e."summary"), q.query, ${HEADLINE_OPTIONS}) AS headline,
      hit.start AS moment
    FROM ranked r JOIN "Episode" e ON e."id" = r."id" JOIN "Show" sh ON sh."id" = e."showId" CROSS JOIN q
    -- When neither title nor summary says it, the first transcript line that does: its words and its moment.
    LEFT JOIN LATERAL (
      SELECT (c.cue->>'start')::float AS start, c.cue->>'text' AS text
      FROM jsonb_array_elements(CASE WHEN jsonb_typeof(e."transcriptCues") = 'array' THEN e."transcriptCues" ELSE '[]'::jsonb END)
        AS c(cue)
      WHERE r.tier <> ${TIER.title}
        AND (c.cue->>'text') ILIKE ANY(${likePatterns(filters.query)})
        AND to_tsvector('english', c.cue->>'text') @@ (CASE WHEN r.tier = ${TIER.phrase} THEN phraseto_tsquery('english', ${filters.query}) ELSE q.query END)
      -- The lines come in transcript order; stopping at the first that says it spares parsing the rest.
      LIMIT 1) hit ON true
    ORDER BY r.tier, r.rank DESC, r."publishedAt" DESC`;
  return rows.map(({ showSlug, showTitle, showArtworkUrl, headline, moment, episodeType, ...card }) => ({
    episode: { ...card, episodeType: episodeType as EpisodeCard["episodeType"], show: { slug: showSlug, title: showTitle, artworkUrl: showArtworkUrl } },
    snippet: snippetParts(headline),
    ...(moment !== null && { moment: Math.floor(moment) }),
  }));
}

async function searchStories(filters: SearchFilters): Promise<StoryHit[]> {
  type Row = Omit<StoryCard, "categories"> & { categories: StoryCard["categories"]; headline: string };
  const rows = await prisma.$queryRaw<Row[]>`
    ${withQuery(filters.query)},
    ranked AS (${rankedMatches(
      Prisma.sql`
        FROM "Story" s, q
        WHERE s."status" = 'PUBLISHED' AND s."publishedAt" <= ${new Date()}
          AND (${filters.from ?? null}::timestamp IS NULL OR s."publishedAt" >= ${filters.from ?? null})
          AND (${filters.to ? endOfDay(filters.to) : null}::timestamp IS NULL OR s."publishedAt" <= ${filters.to ? endOfDay(filters.to) : null})`,
      "s",
      filters,
    )})
    SELECT s."slug", s."title", s."dek", s."authorName", s."publishedAt", s."heroImageUrl",
      coalesce((SELECT json_agg(json_build_object('category', json_build_object('slug', c."slug", 'name', c."name")) ORDER BY c."name")
                FROM "StoryCategory" sc JOIN "Category" c ON c."id" = sc."categoryId" WHERE sc."storyId" = s."id"), '[]'::json) AS categories,
      ts_headline('english', s."dek" || ' ' || ${STORY_SNIPPET_TEXT}, q.query, ${HEADLINE_OPTIONS}) AS headline
    FROM ranked r JOIN "Story" s ON s."id" = r."id" CROSS JOIN q
    ORDER BY r.tier, r.rank DESC, r."publishedAt" DESC`;
  return rows.map(({ headline, ...story }) => ({ story, snippet: snippetParts(headline) }));
}

// Control characters have no place in a query, and Postgres refuses a NUL outright.
function cleanQuery(query: string): string {
  return query.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
}

export async function searchContent(given: SearchFilters): Promise<SearchResults> {
  const filters = { ...given, query: cleanQuery(given.query) };
  // Stories belong to no show: a show filter asks for that show's episodes.
  const wantEpisodes = filters.kind !== "stories";
  const wantStories = filters.kind !== "episodes" && !filters.showSlug;
  const [episodes, stories] = await Promise.all([wantEpisodes ? searchEpisodes(filters) : [], wantStories ? searchStories(filters) : []]);
  return {
    episodes: episodes.slice(0, RESULTS_PER_KIND),
    stories: stories.slice(0, RESULTS_PER_KIND),
    moreEpisodes: episodes.length > RESULTS_PER_KIND,
    moreStories: stories.length > RESULTS_PER_KIND,
  };
}

export interface Suggestion {
  kind: "episode" | "story";
  title: string;
  href: string;
}

/** Titles that start with what has been typed so far ("bridg" finds "Bridges Nobody Inspects"), for the header box. */
export async function searchSuggestions(typed: string): Promise<Suggestion[]> {
  // Only letters and digits reach to_tsquery, so nothing typed can be query syntax; the last word is a prefix.
  const words =
    typed
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, 8) ?? [];
  if (words.length === 0) return [];
  // Weight A: the title part of the title vectors.
  const tsquery = words.map((word, index) => (index === words.length - 1 ? `${word}:*A` : `${word}:A`)).join(" & ");
  const rows = await prisma.$queryRaw<{ kind: "episode" | "story"; slug: string; title: string }[]>`
    WITH q AS (SELECT to_tsquery('english', ${tsquery}) AS query)
    (SELECT 'episode' AS kind, e."slug", e."title", e."publishedAt"
       FROM "Episode" e, q WHERE e."titleVector" @@ q.query
       ORDER BY e."publishedAt" DESC LIMIT ${SUGGESTIONS})
    UNION ALL
    (SELECT 'story' AS kind, s."slug", s."title", s."publishedAt"
       FROM "Story" s, q WHERE s."status" = 'PUBLISHED' AND s."publishedAt" <= ${new Date()}
         AND s."titleVector" @@ q.query
       ORDER BY s."publishedAt" DESC LIMIT ${SUGGESTIONS})
    ORDER BY "publishedAt" DESC
    LIMIT ${SUGGESTIONS}`;
  return rows.map((row) => ({ kind: row.kind, title: row.title, href: `/${row.kind === "episode" ? "episodes" : "stories"}/${row.slug}` }));
}
