import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Artwork } from "@/components/ui/artwork";
import { getEpisodeCard } from "@/lib/episodes/episodes";
import { formatDate, formatDuration } from "@/lib/text/format";
import { findBySlug } from "@/lib/validations/params";

// The embeddable player other sites show in an iframe (through oEmbed): the episode, a native audio player that
// loads nothing until played, and a link back. No script of its own; cached like the episode page.
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

// Metadata and page read the same episode: one query per render.
const findEpisode = cache(getEpisodeCard);

export async function generateMetadata({ params }: PageProps<"/embed/episodes/[slug]">): Promise<Metadata> {
  const episode = await findBySlug(params, findEpisode);
  return { title: episode ? `${episode.title} · ${episode.show.title}` : undefined, robots: { index: false, follow: false } };
}

export default async function EmbeddedEpisode({ params }: PageProps<"/embed/episodes/[slug]">) {
  const episode = await findBySlug(params, findEpisode);
  if (!episode) notFound();
  return (
    <main className="flex min-h-screen items-center gap-3 bg-white p-3">
      <Artwork src={episode.artworkUrl ?? episode.show.artworkUrl} title={episode.show.title} size={96} className="w-20 sm:w-24" />
      <div className="min-w-0 flex-1">
        <p className="truncate text-xs font-semibold uppercase tracking-widest text-accent-dark">{episode.show.title}</p>
        <h1 className="truncate font-display text-lg font-bold">
          <a href={`/episodes/${episode.slug}`} target="_blank" rel="noopener" className="hover:underline">
            {episode.title}
          </a>
        </h1>
        <p className="text-xs text-muted">{[formatDate(episode.publishedAt), formatDuration(episode.durationSeconds)].filter(Boolean).join(" · ")}</p>
        {episode.audioUrl ? (
          <audio controls preload="none" src={episode.audioUrl} className="mt-2 w-full" aria-label={`Play ${episode.title}`}>
            <a href={episode.audioUrl}>Download the episode</a>
          </audio>
        ) : null}
      </div>
    </main>
  );
}
