import type { Metadata } from "next";
import Link from "next/link";
import { EpisodeCard } from "@/components/episode/episode-card";
import { Pagination } from "@/components/ui/pagination";
import { getEpisodeFilters, listEpisodes } from "@/lib/episodes";
import { episodesSearchParamsSchema, firstValues } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Episodes" };

const select = "rounded-md border border-gray-300 bg-white px-3 py-2";

export default async function EpisodesPage({ searchParams }: PageProps<"/episodes">) {
  const { page, show, season } = episodesSearchParamsSchema.parse(firstValues(await searchParams));
  const [list, filters] = await Promise.all([listEpisodes({ page, showSlug: show, season }), getEpisodeFilters(show)]);
  const filtered = show !== undefined || season !== undefined;
  return (
    <>
      <h1 className="mb-6 font-display text-4xl font-bold">Episodes</h1>
      {filters.shows.length > 1 || filters.seasons.length > 1 ? (
        <form action="/episodes" className="mb-6 flex flex-wrap items-end gap-3" aria-label="Filter episodes">
          {filters.shows.length > 1 ? (
            <label className="text-sm font-semibold">
              Show
              <select name="show" defaultValue={show ?? ""} className={`mt-1 block ${select}`}>
                <option value="">All shows</option>
                {filters.shows.map((option) => (
                  <option key={option.slug} value={option.slug}>
                    {option.title}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          {filters.seasons.length > 1 ? (
            <label className="text-sm font-semibold">
              Season
              <select name="season" defaultValue={season ?? ""} className={`mt-1 block ${select}`}>
                <option value="">All seasons</option>
                {filters.seasons.map((number) => (
                  <option key={number} value={number}>
                    Season {number}
                  </option>
                ))}
              </select>
            </label>
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
