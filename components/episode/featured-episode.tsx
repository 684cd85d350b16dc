import Link from "next/link";
import { PlayButton } from "@/components/player/play-button";
import { Artwork } from "@/components/ui/artwork";
import { playableEpisode, type EpisodeCard } from "@/lib/episodes/episodes";
import { EpisodeMeta } from "./episode-meta";

export interface FeaturedEpisodeProps {
  episode: EpisodeCard;
}

export function FeaturedEpisode({ episode }: FeaturedEpisodeProps) {
  const playable = playableEpisode(episode);
  return (
    <section aria-labelledby="featured-episode" className="grid gap-6 rounded-2xl bg-ink p-6 text-white sm:grid-cols-[auto_1fr] sm:p-8">
      <Artwork
        src={episode.artworkUrl ?? episode.show.artworkUrl}
        title={episode.show.title}
        size={224}
        sizes="(min-width: 640px) 224px, 160px"
        priority
        className="w-40 sm:w-56"
      />
      <div className="flex flex-col justify-center">
        <p className="text-xs font-semibold uppercase tracking-widest text-orange-300">Latest episode</p>
        <h2 id="featured-episode" className="mt-2 font-display text-3xl font-bold leading-tight sm:text-4xl">
          {episode.title}
        </h2>
        <div className="mt-2 [&_p]:text-gray-300">
          <EpisodeMeta {...episode} />
        </div>
        {episode.summary ? <p className="mt-3 max-w-prose text-gray-200">{episode.summary}</p> : null}
        <p className="mt-5 flex flex-wrap items-center gap-4">
          {playable ? <PlayButton episode={playable} /> : null}
          <Link href={`/episodes/${episode.slug}`} className="font-semibold text-orange-200 underline-offset-4 hover:underline">
            Show notes →
          </Link>
        </p>
      </div>
    </section>
  );
}
