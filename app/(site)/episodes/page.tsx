import type { Metadata } from "next";
import { SITE_FEEDS } from "@/lib/syndication/links";
import Link from "next/link";
import { EpisodeCard } from "@/components/episode/episode-card";
import { FilterSelect } from "@/components/ui/filter-select";
import { Pagination } from "@/components/ui/pagination";
import { episodeFilters, episodeList } from "@/lib/cache/reads";
import { episodesSearchParamsSchema, firstValues } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Episodes", alternates: { canonical: "/episodes", types: SITE_FEEDS } };

// Filtered and paged by the address: rendered per request.
export const dynamic = "force-dynamic";

export default async function EpisodesPage({ searchParams }: PageProps<"/episodes">) {
  const { page, show, season } = episodesSearchParamsSchema.parse(firstValues(await searchParams));
  const [list, filters] = await Promise.all([episodeList({ page, showSlug: show, season }), episodeFilters(show)]);
  const filtered = show !== undefined || season !== undefined;
  return (
    <>
      <h1 className="mb-6 font-display text-4xl font-bold">Episodes</h1>
      {filters.shows.length > 1 || filters.seasons.length > 1 ? (
        <form action="/episodes" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Filter episodes">
          {filters.shows.length > 1 ? (
            <FilterSelect
              label="Show"
              name="show"
              value={show}
              anyLabel="All shows"
              options={filters.shows.map((option) => ({ value: option.slug, label: option.title }))}
            />
          ) : null}
          {filters.seasons.length > 1 ? (
            <FilterSelect
              label="Season"
              name="season"
              value={season}
              anyLabel="All seasons"
              options={filters.seasons.map((number) => ({ value: number, label: `Season ${number}` }))}
            />
          ) : null}
          <button type="submit" className="rounded-full bg-ink px-5 py-2 font-semibold text-white hover:bg-accent-dark">
            Show episodes
          </button>
          {filtered ? (
            <Link href="/episodes" className="py-2 text-sm underline">
              Clear filters
            </Link>
          ) : null}
        </form>
      ) : null}
      {list.episodes.length ? (
        <div className="grid gap-4 md:grid-cols-2">
          {list.episodes.map((episode) => (
            <EpisodeCard key={episode.slug} episode={episode} />
          ))}
        </div>
      ) : (
        <p className="text-muted">{filtered ? "No episodes match these filters." : "No episodes yet."}</p>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/episodes" query={{ show, season }} />
    </>
  );
}
