// Events leave the page in small batches through navigator.sendBeacon, which the browser delivers even as the page
// closes and which never holds up anything the listener does. Nothing is sent when the browser asks not to be tracked.
import type { AnalyticsEventInput } from "@/lib/validations/analytics";

const ENDPOINT = "/api/events";
const BATCH = 50;
const SEND_AFTER_MS = 2000;

const waiting: AnalyticsEventInput[] = [];
const collectors = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function counting(): boolean {
  const browser = navigator as Navigator & { globalPrivacyControl?: boolean };
  return browser.globalPrivacyControl !== true && browser.doNotTrack !== "1";
}

export function track(event: AnalyticsEventInput): void {
  if (!counting()) return;
  waiting.push(event);
  if (waiting.length >= BATCH) sendNow();
  else timer ??= setTimeout(sendNow, SEND_AFTER_MS);
}

/** Asks `collect` to hand over what it holds (the player's heard seconds) before every send. */
export function beforeSending(collect: () => void): () => void {
  collectors.add(collect);
  return () => collectors.delete(collect);
}

export function sendNow(): void {
  clearTimeout(timer);
  timer = undefined;
  for (const collect of collectors) collect();
  while (waiting.length) {
    const body = JSON.stringify({ events: waiting.splice(0, BATCH) });
    if (!navigator.sendBeacon?.(ENDPOINT, body)) void fetch(ENDPOINT, { method: "POST", body, keepalive: true }).catch(() => undefined);
  }
}

/** A path as the events endpoint takes it: percent-encoded, at most 300 characters. */
export function trackedPath(path: string): string {
  return path.replace(/[^A-Za-z0-9\-._~%/]/g, (character) => encodeURIComponent(character)).slice(0, 300);
}
