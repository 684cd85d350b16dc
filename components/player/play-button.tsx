"use client";

import { useSyncExternalStore } from "react";
import { noSubscription } from "@/components/ui/browser-values";
import { formatClock } from "@/lib/text/format";
import { sharedMoment } from "./player-logic";
import { usePlayer, type PlayerEpisode } from "./player-provider";

export interface PlayButtonProps {
  episode: PlayerEpisode;
  /** On the episode's own page: a shared moment in the address (?t=) is where playback starts. */
  followSharedMoment?: boolean;
  /** Where playback starts when no moment is shared (a story's link to an episode at 12:34). */
  startAt?: number;
  /** What the button says before playback (default "Play episode"). */
  label?: string;
  className?: string;
}

// Read in the browser, not on the server: the page itself is the same cached HTML for every ?t=.
function useSharedMoment(enabled: boolean): number | undefined {
  return useSyncExternalStore(
    noSubscription,
    () => (enabled ? sharedMoment(window.location.search) : undefined),
    () => undefined,
  );
}

/** Plays an episode in the site-wide player, or pauses it when it is the one playing. */
export function PlayButton({ episode, followSharedMoment = false, startAt: linkedMoment, label = "Play episode", className = "" }: PlayButtonProps) {
  const player = usePlayer();
  const startAt = useSharedMoment(followSharedMoment) ?? linkedMoment;
  const isCurrent = player.episode?.slug === episode.slug;
  const playing = isCurrent && player.playing;
  // The bar holds this episode, paused part-way (a pause, or a reload that brought the player back).
  const resumable = isCurrent && !playing && player.currentTime > 0;
  return (
    <button
      type="button"
      onClick={() => (isCurrent ? player.toggle() : player.play(episode, { startAt }))}
      className={`inline-flex min-w-40 items-center justify-center gap-2 rounded-full bg-accent px-5 py-2.5 font-semibold text-white hover:bg-accent-dark ${className}`}
    >
      <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span>
      {playing
        ? "Pause"
        : resumable
          ? `Resume from ${formatClock(player.currentTime)}`
          : startAt !== undefined && !isCurrent
            ? `Play from ${formatClock(startAt)}`
            : label}
    </button>
  );
}
