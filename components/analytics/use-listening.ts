"use client";

import { useEffect, type RefObject } from "react";
import { listened, watchPlayer } from "./track";

function report(element: HTMLAudioElement, episode: string) {
  return {
    episode,
    position: element.ended ? element.duration : element.currentTime,
    rate: element.playbackRate,
    duration: element.duration,
    playing: !element.paused && !element.seeking,
  };
}

/** The player's audio events, handed to the site's analytics as they happen (what counts is listening.ts's rule). */
export function useListening(audio: RefObject<HTMLAudioElement | null>, episodeSlug: string | undefined) {
  useEffect(() => {
    watchPlayer(() => (audio.current && episodeSlug ? report(audio.current, episodeSlug) : undefined));
    return () => watchPlayer(undefined);
  }, [audio, episodeSlug]);

  const send = (kind: "play" | "time" | "seek" | "stop", element: HTMLAudioElement) => {
    if (episodeSlug) listened(kind, report(element, episodeSlug));
  };
  return {
    onPlay: (element: HTMLAudioElement) => send("play", element),
    onTimeUpdate: (element: HTMLAudioElement) => {
      if (!element.paused && !element.seeking) send("time", element);
    },
    onSeeking: (element: HTMLAudioElement) => send("seek", element),
    onStop: (element: HTMLAudioElement) => send("stop", element),
  };
}
