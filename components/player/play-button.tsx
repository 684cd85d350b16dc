"use client";

import { formatClock } from "@/lib/format";
import { usePlayer, type PlayerEpisode } from "./player-provider";

export interface PlayButtonProps {
  episode: PlayerEpisode;
  /** A shared moment (?t=): playback starts there. */
  startAt?: number;
  className?: string;
}

/** Plays an episode in the site-wide player, or pauses it when it is the one playing. */
export function PlayButton({ episode, startAt, className = "" }: PlayButtonProps) {
  const player = usePlayer();
  const isCurrent = player.episode?.slug === episode.slug;
  const playing = isCurrent && player.playing;
  return (
    <button
      type="button"
      onClick={() => (isCurrent ? player.toggle() : player.play(episode, { startAt }))}
      className={`inline-flex items-center gap-2 rounded-full bg-accent px-5 py-2.5 font-semibold text-white hover:bg-accent-dark ${className}`}
    >
      <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span>
      {playing ? "Pause" : startAt !== undefined && !isCurrent ? `Play from ${formatClock(startAt)}` : "Play episode"}
    </button>
  );
}
