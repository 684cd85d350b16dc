// The player's rules, free of React and the DOM so they are tested on their own.
import { parseDuration } from "@/lib/feeds/duration";

export const PLAYBACK_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
export const SKIP_BACK_SECONDS = 15;
export const SKIP_FORWARD_SECONDS = 30;
// Positions this close to the end count as finished: the next play starts from the top.
const FINISHED_MARGIN_SECONDS = 10;

export type PlayerAction = { type: "toggle" } | { type: "skip"; seconds: number };

/** Keyboard shortcuts, when focus is not in a field: space plays/pauses, j/← back, l/→ forward. */
export function shortcutFor(event: { key: string; altKey: boolean; ctrlKey: boolean; metaKey: boolean; target: EventTarget | null }): PlayerAction | undefined {
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  const target = event.target as { tagName?: string; isContentEditable?: boolean } | null;
  if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT", "BUTTON"].includes(target.tagName ?? ""))) return undefined;
  switch (event.key) {
    case " ":
    case "k":
      return { type: "toggle" };
    case "j":
    case "ArrowLeft":
      return { type: "skip", seconds: -SKIP_BACK_SECONDS };
    case "l":
    case "ArrowRight":
      return { type: "skip", seconds: SKIP_FORWARD_SECONDS };
    default:
      return undefined;
  }
}

export function clampTime(seconds: number, duration: number): number {
  const end = Number.isFinite(duration) && duration > 0 ? duration : Number.POSITIVE_INFINITY;
  return Math.min(Math.max(0, seconds), end);
}

export function resumeKey(slug: string): string {
  return `showfront:resume:${slug}`;
}

/** Where to start an episode: a shared moment first, else where the listener left it (unless it was finished). */
export function startPosition(options: { startAt?: number; saved?: number; duration?: number }): number {
  if (options.startAt !== undefined) return Math.max(0, options.startAt);
  const saved = options.saved ?? 0;
  if (options.duration && saved >= options.duration - FINISHED_MARGIN_SECONDS) return 0;
  return Math.max(0, saved);
}

// What the player was doing, kept across reloads and shared by the site's tabs: the episode, speed and volume.
const SESSION_KEY = "showfront:player";

export interface PlayerSession {
  episode: {
    slug: string;
    title: string;
    showTitle: string;
    audioUrl: string;
    artworkUrl: string | null;
    durationSeconds: number | null;
    chapters?: { startTime: number; title: string }[];
    href?: string;
  };
  rate: number;
  volume: number;
  muted: boolean;
}

export function savePlayerSession(storage: Pick<Storage, "setItem"> | undefined, session: PlayerSession): void {
  try {
    storage?.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // a full or refusing storage: the next visit starts without a player, as before
  }
}

const isText = (value: unknown): value is string => typeof value === "string" && value.length > 0 && value.length < 2000;
const isAddress = (value: unknown): value is string => isText(value) && (/^https?:\/\//.test(value) || /^\/(?!\/)/.test(value));

/** The kept session, if it is one this player wrote (storage is the visitor's to change: anything else is ignored). */
export function readPlayerSession(storage: Pick<Storage, "getItem"> | undefined): PlayerSession | undefined {
  let session: PlayerSession;
  try {
    session = JSON.parse(storage?.getItem(SESSION_KEY) ?? "null") as PlayerSession;
  } catch {
    return undefined;
  }
  const episode = session?.episode;
  if (!episode || !isText(episode.slug) || !isText(episode.title) || typeof episode.showTitle !== "string" || !isAddress(episode.audioUrl)) return undefined;
  if (episode.artworkUrl !== null && !isAddress(episode.artworkUrl)) return undefined;
  if (episode.href !== undefined && !/^\/(?!\/)/.test(String(episode.href))) return undefined;
  const chapters = Array.isArray(episode.chapters)
    ? episode.chapters.filter((chapter) => Number.isFinite(chapter?.startTime) && typeof chapter?.title === "string")
    : undefined;
  return {
    episode: { ...episode, durationSeconds: Number.isFinite(episode.durationSeconds) ? episode.durationSeconds : null, chapters },
    rate: (PLAYBACK_RATES as readonly number[]).includes(session.rate) ? session.rate : 1,
    volume: Number.isFinite(session.volume) ? Math.min(1, Math.max(0, session.volume)) : 1,
    muted: session.muted === true,
  };
}

export function readSavedPosition(storage: Pick<Storage, "getItem"> | undefined, slug: string): number | undefined {
  const value = Number(storage?.getItem(resumeKey(slug)));
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Sleep timer choices, in minutes. */
export const SLEEP_TIMER_MINUTES = [5, 15, 30, 45, 60] as const;

/**
 * ?t= in an episode's address (a shared moment): seconds ("754") or a clock ("12:34", "1:02:03"); anything else,
 * or anything longer than a clock can be, is ignored. Read in the browser with the same parser feeds use for
 * durations, which keeps zod out of the player's bundle.
 */
export function sharedMoment(search: string): number | undefined {
  const value = new URLSearchParams(search).get("t");
  return value && value.length <= 12 ? parseDuration(value) : undefined;
}
