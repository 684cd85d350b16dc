// What the site's components call to count something. The sending code (beacon.ts) is loaded on first use, after the
// page: calls wait for it in the order they were made.
import type { AnalyticsEventInput } from "@/lib/validations/analytics";
import type { PlayerReport } from "./beacon";

let beacon: Promise<typeof import("./beacon")> | undefined;
const loaded = () => (beacon ??= import("./beacon"));

export function track(event: AnalyticsEventInput): void {
  void loaded().then((module) => module.track(event));
}

export function pageViewed(pathname: string): void {
  void loaded().then((module) => module.pageViewed(pathname));
}

export function listened(kind: "play" | "time" | "seek" | "stop", report: PlayerReport): void {
  void loaded().then((module) => module.listened(kind, report));
}

export function watchPlayer(now: (() => PlayerReport | undefined) | undefined): void {
  void loaded().then((module) => module.watchPlayer(now));
}
