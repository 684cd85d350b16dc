import Link from "next/link";
import { Artwork } from "@/components/ui/artwork";
import type { EpisodeCard as EpisodeCardData } from "@/lib/episodes/episodes";
import { EpisodeMeta } from "./episode-meta";

export interface EpisodeCardProps {
  episode: EpisodeCardData;
}

export function EpisodeCard({ episode }: EpisodeCardProps) {
  return (
    <article className="flex gap-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-black/5 transition hover:shadow-md">
      <Artwork
        src={episode.artworkUrl ?? episode.show.artworkUrl}
        title={episode.show.title}
        size={88}
        sizes="(min-width: 640px) 88px, 80px"
        className="w-20 sm:w-22"
      />
      <div className="min-w-0">
        <h3 className="font-display text-lg font-bold leading-snug">
          <Link href={`/episodes/${episode.slug}`} className="hover:text-accent-dark">
            {episode.title}
          </Link>
        </h3>
        <EpisodeMeta {...episode} />
        {episode.summary ? <p className="mt-1 line-clamp-2 text-sm text-gray-700">{episode.summary}</p> : null}
      </div>
    </article>
  );
}
