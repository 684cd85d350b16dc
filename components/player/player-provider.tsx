"use client";

// One player for the whole site: it lives in the public pages' layout, so moving between pages (client-side
// navigation) never unmounts the <audio> element and playback goes on.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { PlayableEpisode } from "@/lib/episodes/episodes";
import { formatClock } from "@/lib/text/format";
import { clampTime, readPlayerSession, readSavedPosition, resumeKey, savePlayerSession, shortcutFor, startPosition } from "./player-logic";
import { MiniPlayer } from "./mini-player";
import { useListening } from "@/components/analytics/use-listening";

export type PlayerEpisode = PlayableEpisode;

export interface PlayerState {
  episode: PlayerEpisode | undefined;
  playing: boolean;
  currentTime: number;
  duration: number;
  buffered: number;
  rate: number;
  volume: number;
  muted: boolean;
  /** When the sleep timer pauses playback (ms since the epoch), if set. */
  sleepAt: number | undefined;
  error: string | undefined;
  /** Announced to screen readers after a seek or skip. */
  announcement: string;
  /** Moments of an episode that listeners' comments are about, marked on the timeline while it plays. */
  commentMoments: { slug: string; seconds: number[] } | undefined;
  /** Brought back from an earlier visit (a reload, another tab), paused, and not played since. */
  restored: boolean;
}

export interface PlayerControls {
  play(episode: PlayerEpisode, options?: { startAt?: number }): void;
  toggle(): void;
  seek(seconds: number): void;
  skip(seconds: number): void;
  setRate(rate: number): void;
  setVolume(volume: number): void;
  toggleMute(): void;
  /** Pause after this many minutes; 0 turns the timer off. */
  setSleepTimer(minutes: number): void;
  /** The comment thread under an episode tells the player which moments its comments are about. */
  showCommentMoments(slug: string, seconds: number[]): void;
}

const PlayerContext = createContext<(PlayerState & PlayerControls) | undefined>(undefined);

export function usePlayer() {
  const player = useContext(PlayerContext);
  if (!player) throw new Error("usePlayer needs the PlayerProvider from the public pages' layout.");
  return player;
}

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined; // private modes can refuse storage: play on without resume
  }
}

export function PlayerProvider({ children }: { children: React.ReactNode }) {
  const audio = useRef<HTMLAudioElement>(null);
  const pendingStart = useRef<number | undefined>(undefined);
  const lastSaved = useRef(0);
  const [state, setState] = useState<PlayerState>({
    episode: undefined,
    playing: false,
    currentTime: 0,
    duration: 0,
    buffered: 0,
    rate: 1,
    volume: 1,
    muted: false,
    sleepAt: undefined,
    error: undefined,
    announcement: "",
    commentMoments: undefined,
    restored: false,
  });

  // The player of the last visit comes back paused where it was, with its speed and volume; nothing is fetched.
  useEffect(() => {
    const element = audio.current;
    const session = readPlayerSession(storage());
    if (!element || !session) return;
    const position = startPosition({ saved: readSavedPosition(storage(), session.episode.slug), duration: session.episode.durationSeconds ?? undefined });
    pendingStart.current = position;
    element.src = session.episode.audioUrl;
    element.volume = session.volume;
    element.muted = session.muted;
    setState((previous) => ({
      ...previous,
      episode: session.episode,
      currentTime: position,
      duration: session.episode.durationSeconds ?? 0,
      rate: session.rate,
      volume: session.volume,
      muted: session.muted,
      restored: true,
    }));
  }, []);

  useEffect(() => {
    if (state.episode) savePlayerSession(storage(), { episode: state.episode, rate: state.rate, volume: state.volume, muted: state.muted });
  }, [state.episode, state.rate, state.volume, state.muted]);

  const update = useCallback((patch: Partial<PlayerState>) => setState((previous) => ({ ...previous, ...patch })), []);
  const listening = useListening(audio, state.episode?.slug);

  const play = useCallback<PlayerControls["play"]>(
    (episode, options = {}) => {
      const element = audio.current;
      if (!element) return;
      if (state.episode?.slug !== episode.slug) {
        pendingStart.current = startPosition({
          startAt: options.startAt,
          saved: readSavedPosition(storage(), episode.slug),
          duration: episode.durationSeconds ?? undefined,
        });
        element.src = episode.audioUrl;
        update({ episode, currentTime: pendingStart.current, duration: episode.durationSeconds ?? 0, buffered: 0, error: undefined });
      } else if (options.startAt !== undefined) {
        // A player brought back from the last visit has loaded nothing yet: the moment waits for its metadata.
        if (element.readyState === HTMLMediaElement.HAVE_NOTHING) pendingStart.current = options.startAt;
        else element.currentTime = options.startAt;
      }
      element.play().catch((error: Error) => {
        if (error.name !== "AbortError") update({ error: "This episode could not be played here.", playing: false });
      });
    },
    [state.episode?.slug, update],
  );

  const toggle = useCallback(() => {
    const element = audio.current;
    if (!element || !state.episode) return;
    if (element.paused) void element.play().catch(() => update({ error: "This episode could not be played here." }));
    else element.pause();
  }, [state.episode, update]);

  const seek = useCallback(
    (seconds: number) => {
      const element = audio.current;
      if (!element) return;
      element.currentTime = clampTime(seconds, element.duration);
      update({ currentTime: element.currentTime, announcement: `At ${formatClock(element.currentTime)}` });
    },
    [update],
  );

  const skip = useCallback((seconds: number) => seek((audio.current?.currentTime ?? 0) + seconds), [seek]);

  const setRate = useCallback(
    (rate: number) => {
      if (audio.current) audio.current.playbackRate = rate;
      update({ rate });
    },
    [update],
  );

  const setVolume = useCallback(
    (volume: number) => {
      const level = Math.min(1, Math.max(0, volume));
      if (audio.current) {
        audio.current.volume = level;
        audio.current.muted = level === 0;
      }
      update({ volume: level, muted: level === 0 });
    },
    [update],
  );

  const toggleMute = useCallback(() => {
    if (!audio.current) return;
    audio.current.muted = !audio.current.muted;
    update({ muted: audio.current.muted });
  }, [update]);

  const setSleepTimer = useCallback((minutes: number) => update({ sleepAt: minutes > 0 ? Date.now() + minutes * 60_000 : undefined }), [update]);

  useEffect(() => {
    if (state.sleepAt === undefined) return;
    const timer = setTimeout(
      () => {
        audio.current?.pause();
        update({ sleepAt: undefined, announcement: "Sleep timer: paused" });
      },
      Math.max(0, state.sleepAt - Date.now()),
    );
    return () => clearTimeout(timer);
  }, [state.sleepAt, update]);

  // Keyboard shortcuts for the whole site once something is loaded.
  useEffect(() => {
    if (!state.episode) return;
    const onKey = (event: KeyboardEvent) => {
      const action = shortcutFor(event);
      if (!action) return;
      event.preventDefault();
      if (action.type === "toggle") toggle();
      else skip(action.seconds);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [state.episode, toggle, skip]);

  // Lock screen and headset controls.
  useEffect(() => {
    const episode = state.episode;
    if (!episode || !("mediaSession" in navigator)) return;
    navigator.mediaSession.metadata = new MediaMetadata({
      title: episode.title,
      artist: episode.showTitle,
      artwork: episode.artworkUrl ? [{ src: episode.artworkUrl, sizes: "512x512" }] : [],
    });
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ["play", () => toggle()],
      ["pause", () => toggle()],
      ["seekbackward", () => skip(-15)],
      ["seekforward", () => skip(30)],
      ["seekto", (details) => details.seekTime !== undefined && seek(details.seekTime)],
    ];
    for (const [action, handler] of handlers) {
      try {
        navigator.mediaSession.setActionHandler(action, handler);
      } catch {
        // an action this browser does not support
      }
    }
  }, [state.episode, toggle, skip, seek]);

  const onTimeUpdate = () => {
    const element = audio.current;
    if (!element || !state.episode) return;
    update({ currentTime: element.currentTime });
    listening.onTimeUpdate(element);
    if (Math.abs(element.currentTime - lastSaved.current) >= 5) {
      lastSaved.current = element.currentTime;
      storage()?.setItem(resumeKey(state.episode.slug), String(Math.floor(element.currentTime)));
    }
  };

  const showCommentMoments = useCallback<PlayerControls["showCommentMoments"]>((slug, seconds) => update({ commentMoments: { slug, seconds } }), [update]);

  const value = useMemo(
    () => ({ ...state, play, toggle, seek, skip, setRate, setVolume, toggleMute, setSleepTimer, showCommentMoments }),
    [state, play, toggle, seek, skip, setRate, setVolume, toggleMute, setSleepTimer, showCommentMoments],
  );

  return (
    <PlayerContext.Provider value={value}>
      {children}
      {/* preload="none": nothing is fetched until a listener presses play, so audio never competes with the page. */}
      <audio
        ref={audio}
        preload="none"
        data-testid="site-player-audio"
        onLoadedMetadata={(event) => {
          const element = event.currentTarget;
          if (pendingStart.current) element.currentTime = clampTime(pendingStart.current, element.duration);
          pendingStart.current = undefined;
          element.playbackRate = state.rate;
          update({ duration: element.duration });
        }}
        onPlay={(event) => {
          listening.onPlay(event.currentTarget);
          update({ playing: true, error: undefined, restored: false });
        }}
        onSeeking={(event) => listening.onSeeking(event.currentTarget)}
        onPause={(event) => {
          listening.onStop(event.currentTarget);
          // Kept at once, not only every few seconds: a reload right after a pause resumes exactly there.
          if (state.episode) storage()?.setItem(resumeKey(state.episode.slug), String(Math.floor(event.currentTarget.currentTime)));
          update({ playing: false });
        }}
        onTimeUpdate={onTimeUpdate}
        onProgress={(event) => {
          const ranges = event.currentTarget.buffered;
          update({ buffered: ranges.length ? ranges.end(ranges.length - 1) : 0 });
        }}
        onEnded={(event) => {
          listening.onStop(event.currentTarget);
          if (state.episode) storage()?.removeItem(resumeKey(state.episode.slug));
          update({ playing: false });
        }}
        onError={() => update({ playing: false, error: navigator.onLine ? "This episode's audio could not be loaded." : "You are offline." })}
      />
      <MiniPlayer />
    </PlayerContext.Provider>
  );
}
