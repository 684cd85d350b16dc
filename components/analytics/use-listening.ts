"use client";

import { useCallback, useEffect, useRef, type RefObject } from "react";
import { beforeSending, track } from "./beacon";
import { CHUNK_SECONDS, ListeningTracker } from "./listening";

/** The player's audio events, turned into plays, heard seconds and quartiles for the site's analytics. */
export function useListening(audio: RefObject<HTMLAudioElement | null>, episodeSlug: string | undefined) {
  const tracker = useRef<ListeningTracker | undefined>(undefined);

  const collect = useCallback(() => {
    const listening = tracker.current;
    const element = audio.current;
    if (!listening || !element) return;
    if (!element.paused && !element.seeking) listening.played(element.currentTime, element.playbackRate);
    for (const chunk of listening.takeChunks()) track({ kind: "listen", episode: listening.episode, ...chunk });
    for (const quartile of listening.newQuartiles(element.duration)) track({ kind: "quartile", episode: listening.episode, quartile });
  }, [audio]);

  useEffect(() => beforeSending(collect), [collect]);

  return {
    onPlay(element: HTMLAudioElement) {
      if (!episodeSlug) return;
      if (tracker.current?.episode !== episodeSlug) {
        collect();
        tracker.current = new ListeningTracker(episodeSlug);
      }
      const listening = tracker.current;
      listening.movedTo(element.currentTime);
      if (!listening.started) {
        listening.started = true;
        track({ kind: "play", episode: episodeSlug });
      }
    },
    onTimeUpdate(element: HTMLAudioElement) {
      const listening = tracker.current;
      if (!listening || element.paused || element.seeking) return;
      listening.played(element.currentTime, element.playbackRate);
      if (listening.unsentSeconds >= CHUNK_SECONDS) collect();
    },
    onSeeking(element: HTMLAudioElement) {
      tracker.current?.movedTo(element.currentTime);
    },
    onStop(element: HTMLAudioElement) {
      tracker.current?.played(element.ended ? element.duration : element.currentTime, element.playbackRate);
      collect();
    },
  };
}
