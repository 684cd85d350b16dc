import type { Metadata } from "next";
import { SITE_FEEDS } from "@/lib/syndication/links";
import { SearchHit } from "@/components/search/search-hit";
import { FilterSelect } from "@/components/ui/filter-select";
import { SectionHeading } from "@/components/ui/section-heading";
import { getEpisodeFilters } from "@/lib/episodes/episodes";
import { episodeLabel, formatClock, formatDate } from "@/lib/text/format";
import { searchContent } from "@/lib/search/search";
import { SEARCH_QUERY_MAX, firstValues, searchSearchParamsSchema } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Search", robots: { index: false, follow: true }, alternates: { canonical: "/search", types: SITE_FEEDS } };

// Filtered and paged by the address: rendered per request.
export const dynamic = "force-dynamic";

const field = "rounded-md border border-gray-300 bg-white px-3 py-2";
const moreLink = "inline-block rounded-full px-4 py-2 text-sm font-semibold ring-1 ring-black/10 hover:bg-white";
const isoDay = (date: Date | undefined) => date?.toISOString().slice(0, 10);

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const parsed = searchSearchParamsSchema.safeParse(firstValues(await searchParams));
  const filters = parsed.success ? parsed.data : searchSearchParamsSchema.parse({});
  const query = filters.q;
  const [results, { shows }] = await Promise.all([
    query ? searchContent({ query, kind: filters.type, showSlug: filters.show, from: filters.from, to: filters.to, page: filters.page }) : null,
    getEpisodeFilters(),
  ]);
  const count = results ? results.episodes.length + results.stories.length : 0;
  // The same search with some fields changed: a kind of result, another page.
  const searchHref = (changes: { type?: string; page?: number }) => {
    const params = new URLSearchParams();
    const values = { q: query, type: filters.type, show: filters.show, from: isoDay(filters.from), to: isoDay(filters.to), ...changes };
    for (const [key, value] of Object.entries(values))
      if (value !== undefined && value !== "" && !(key === "page" && value === 1)) params.set(key, String(value));
    return `/search?${params}`;
  };
  // Under each kind of result: in "all", a link to more of that kind; in one kind, the previous and next pages.
  const resultLinks = (kind: "episodes" | "stories", more: boolean) => {
    if (filters.type === "all") {
      return more ? (
        <p className="mt-4">
          <a href={searchHref({ type: kind, page: 2 })} className={moreLink}>
            More {kind} →
          </a>
        </p>
      ) : null;
    }
    return filters.page > 1 || more ? (
      <nav aria-label="Result pages" className="mt-4 flex gap-3">
        {filters.page > 1 ? (
          <a href={searchHref({ page: filters.page - 1 })} rel="prev" className={moreLink}>
            ← Previous results
          </a>
        ) : null}
        {more ? (
          <a href={searchHref({ page: filters.page + 1 })} rel="next" className={moreLink}>
            More results →
          </a>
        ) : null}
      </nav>
    ) : null;
  };

  return (
    <>
      <h1 className="mb-6 font-display text-4xl font-bold">Search</h1>
      <form role="search" aria-label="Search with filters" action="/search" className="grid max-w-3xl gap-3 sm:grid-cols-[1fr_auto]">
        <label htmlFor="search-query" className="sr-only">
          Search episodes and stories
        </label>
        <input
          id="search-query"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={SEARCH_QUERY_MAX}
          placeholder="Search episodes, transcripts and stories"
          className="rounded-full border border-gray-300 bg-white px-4 py-2 focus:border-accent focus:outline-none"
        />
        <button type="submit" className="rounded-full bg-accent px-5 py-2 font-semibold text-white hover:bg-accent-dark">
          Search
        </button>
        <fieldset className="flex flex-wrap gap-3 text-sm sm:col-span-2">
          <legend className="sr-only">Filters</legend>
          <label className="flex flex-col gap-1">
            Show me
            <select name="type" defaultValue={filters.type} className={field}>
              <option value="all">Episodes and stories</option>
              <option value="episodes">Episodes</option>
              <option value="stories">Stories</option>
            </select>
          </label>
          {shows.length > 1 ? (
            <FilterSelect
              label="Show"
              name="show"
              value={filters.show}
              anyLabel="All shows"
              options={shows.map((show) => ({ value: show.slug, label: show.title }))}
            />
          ) : null}
          <label className="flex flex-col gap-1">
            From
            <input type="date" name="from" defaultValue={isoDay(filters.from)} className={field} />
          </label>
          <label className="flex flex-col gap-1">
            To
            <input type="date" name="to" defaultValue={isoDay(filters.to)} className={field} />
          </label>
        </fieldset>
      </form>
      {!parsed.success ? (
        <p role="alert" className="mt-4 text-red-700">
          {parsed.error.issues[0]?.message}
        </p>
      ) : null}
      {!query && parsed.success ? (
        <p className="mt-6 max-w-2xl text-muted">
          Search every episode, its transcript, and every story. Put a phrase in &ldquo;quotes&rdquo;, use <strong>or</strong> for either word, and a minus to
          leave a word out: <code>bridges -harbor</code>.
        </p>
      ) : null}
      {results ? (
        <div className="mt-8 space-y-8" aria-live="polite">
          <p className="text-muted">
            {count === 0
              ? `Nothing found for “${query}”. Try fewer or other words, or “or” between them.`
              : `${count} result${count === 1 ? "" : "s"} for “${query}”.`}
          </p>
          {results.episodes.length ? (
            <section aria-labelledby="episode-results">
              <SectionHeading id="episode-results" title="Episodes" />
              <ul className="grid gap-4 md:grid-cols-2">
                {results.episodes.map(({ episode, snippet, moment }) => (
                  <SearchHit
                    key={episode.slug}
                    href={`/episodes/${episode.slug}`}
                    kind={`Episode · ${episode.show.title}`}
                    title={episode.title}
                    meta={[formatDate(episode.publishedAt), episodeLabel(episode)].filter(Boolean).join(" · ")}
                    snippet={snippet}
                    moment={moment !== undefined ? { label: formatClock(moment), href: `/episodes/${episode.slug}?t=${moment}` } : undefined}
                  />
                ))}
              </ul>
              {resultLinks("episodes", results.moreEpisodes)}
            </section>
          ) : null}
          {results.stories.length ? (
            <section aria-labelledby="story-results">
              <SectionHeading id="story-results" title="Stories" />
              <ul className="grid gap-4 md:grid-cols-2">
                {results.stories.map(({ story, snippet }) => (
                  <SearchHit
                    key={story.slug}
                    href={`/stories/${story.slug}`}
                    kind="Story"
                    title={story.title}
                    meta={[formatDate(story.publishedAt), story.authorName].filter(Boolean).join(" · ")}
                    snippet={snippet}
                  />
                ))}
              </ul>
              {resultLinks("stories", results.moreStories)}
            </section>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
