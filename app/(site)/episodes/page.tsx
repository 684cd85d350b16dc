import type { Metadata } from "next";
import { EpisodeCard } from "@/components/episode/episode-card";
import { Pagination } from "@/components/ui/pagination";
import { listEpisodes } from "@/lib/episodes";
import { firstValues, pageSearchParamsSchema } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Episodes" };

export default async function EpisodesPage({ searchParams }: PageProps<"/episodes">) {
  const { page } = pageSearchParamsSchema.parse(firstValues(await searchParams));
  const list = await listEpisodes(page);
  return (
    <>
      <h1 className="mb-6 font-display text-4xl font-bold">Episodes</h1>
      {list.episodes.length ? (
        <div className="grid gap-4 md:grid-cols-2">
          {list.episodes.map((episode) => (
            <EpisodeCard key={episode.slug} episode={episode} />
          ))}
        </div>
      ) : (
        <p className="text-muted">No episodes yet.</p>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/episodes" />
    </>
  );
}
