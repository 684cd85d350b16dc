// Events leave the page in small batches through navigator.sendBeacon, which the browser delivers even as the page
// closes and which never holds up anything the listener does. Nothing is sent when the browser asks not to be tracked.
// Loaded after the page, on first use (track.ts), so it costs the first load nothing.
import type { AnalyticsEventInput } from "@/lib/validations/analytics";
import { CHUNK_SECONDS, ListeningTracker } from "./listening";

const ENDPOINT = "/api/events";
const BATCH = 50;
const SEND_AFTER_MS = 2000;

/** What the player's audio element says at one of its events. */
export interface PlayerReport {
  episode: string;
  position: number;
  rate: number;
  duration: number;
  playing: boolean;
}

const waiting: AnalyticsEventInput[] = [];
let timer: ReturnType<typeof setTimeout> | undefined;
let previousPath: string | undefined;
let tracker: ListeningTracker | undefined;
let player: (() => PlayerReport | undefined) | undefined;

function counting(): boolean {
  const browser = navigator as Navigator & { globalPrivacyControl?: boolean };
  return browser.globalPrivacyControl !== true && browser.doNotTrack !== "1";
}

export function track(event: AnalyticsEventInput): void {
  if (!counting()) return;
  waiting.push("path" in event ? { ...event, path: trackedPath(event.path) } : event);
  if (waiting.length >= BATCH) sendNow();
  else timer ??= setTimeout(sendNow, SEND_AFTER_MS);
}

/** Lets every send ask the player where it is, so what was heard up to a page's closing goes with it. */
export function watchPlayer(now: (() => PlayerReport | undefined) | undefined): void {
  player = now;
}

function sendListening(duration: number): void {
  if (!tracker) return;
  for (const chunk of tracker.takeChunks()) track({ kind: "listen", episode: tracker.episode, ...chunk });
  for (const quartile of tracker.newQuartiles(duration)) track({ kind: "quartile", episode: tracker.episode, quartile });
}

/** The player's events, in the order they happened: plays, heard stretches, seeks, stops. */
export function listened(kind: "play" | "time" | "seek" | "stop", report: PlayerReport): void {
  if (kind === "play") {
    if (tracker?.episode !== report.episode) {
      sendListening(report.duration);
      tracker = new ListeningTracker(report.episode);
    }
    tracker.movedTo(report.position);
    if (!tracker.started) {
      tracker.started = true;
      track({ kind: "play", episode: report.episode });
    }
    return;
  }
  if (tracker?.episode !== report.episode) return;
  if (kind === "seek") return tracker.movedTo(report.position);
  tracker.played(report.position, report.rate);
  if (kind === "stop" || tracker.unsentSeconds >= CHUNK_SECONDS) sendListening(report.duration);
}

function sendNow(): void {
  clearTimeout(timer);
  timer = undefined;
  const now = player?.();
  if (now?.playing) listened("time", now);
  if (now) sendListening(now.duration);
  while (waiting.length) {
    const body = JSON.stringify({ events: waiting.splice(0, BATCH) });
    if (!navigator.sendBeacon?.(ENDPOINT, body)) void fetch(ENDPOINT, { method: "POST", body, keepalive: true }).catch(() => undefined);
  }
}

/** A path as the events endpoint takes it: percent-encoded, at most 300 characters. */
function trackedPath(path: string): string {
  return path.replace(/[^A-Za-z0-9\-._~%/]/g, (character) => encodeURIComponent(character)).slice(0, 300);
}

/** A page seen: the first of a visit with where it came from, the next ones as moves within the site. */
export function pageViewed(pathname: string): void {
  const path = trackedPath(pathname);
  if (previousPath === undefined) {
    const query = new URLSearchParams(window.location.search);
    const campaign = query.get("utm_source") ?? query.get("ref") ?? undefined;
    track({ kind: "view", path, referrer: document.referrer.slice(0, 2000) || undefined, campaign: campaign?.slice(0, 100) });
  } else if (previousPath !== path) {
    track({ kind: "view", path, referrer: `${window.location.origin}${previousPath}` });
  }
  previousPath = path;
}

// Whatever waits goes out when the page is hidden or left.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") sendNow();
});
window.addEventListener("pagehide", sendNow);
