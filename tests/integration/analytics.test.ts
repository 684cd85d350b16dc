import { beforeEach, describe, expect, it } from "@jest/globals";
import { prisma } from "@/lib/db";
import { countDownload } from "@/lib/analytics/downloads";
import { flushEvents, recordEvents } from "@/lib/analytics/ingest";
import { analyticsCsv, analyticsReport, episodeAnalytics, mostListenedThisWeek } from "@/lib/analytics/reports";
import { asStaff } from "@/lib/auth/staff";
import { rollUp, rollUpAndForget } from "@/lib/analytics/rollup";
import { changeAnalyticsSettings } from "@/lib/analytics/settings";
import type { AnalyticsEventInput } from "@/lib/validations/analytics";
import { resetDatabase } from "../setup/database";
import { createEpisode, createStory } from "../setup/factories";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const HOUR = 3600_000;
const DAY = 24 * HOUR;
const NOW = new Date("2026-11-20T12:00:00Z");
const admin = asStaff({ id: "admin-1", name: "Admin", email: "admin@example.com", role: "ADMIN", banned: false, nameChosen: true }, "ADMIN")!;

function visitor(address: string, agent = BROWSER, extra: Record<string, string> = {}): Headers {
  return new Headers({ "x-forwarded-for": address, "user-agent": agent, host: "localhost:3000", ...extra });
}

async function send(headers: Headers, events: AnalyticsEventInput[], at = NOW): Promise<void> {
  await recordEvents(events, headers, at);
  await flushEvents();
}

beforeEach(resetDatabase);

describe("counting what listeners do", () => {
  it("counts plays, listeners, heard seconds, visits by source, platform clicks, shares and sign-ups, and rolls them up by hour and day", async () => {
    const episode = await createEpisode({ durationSeconds: 600 });
    const story = await createStory();
    const ada = visitor("203.0.113.5");
    const bo = visitor("198.51.100.7", PHONE);
    await send(ada, [
      { kind: "view", path: `/episodes/${episode.slug}`, referrer: "https://www.google.com/search?q=x" },
      { kind: "play", episode: episode.slug },
      { kind: "listen", episode: episode.slug, from: 0, to: 30 },
      { kind: "platform", path: `/episodes/${episode.slug}`, platform: "Spotify" },
    ]);
    await send(ada, [{ kind: "view", path: `/stories/${story.slug}`, referrer: `http://localhost:3000/episodes/${episode.slug}` }]);
    await send(bo, [
      { kind: "view", path: `/episodes/${episode.slug}`, campaign: "Newsletter" },
      { kind: "play", episode: episode.slug },
      { kind: "listen", episode: episode.slug, from: 10, to: 20 },
      { kind: "share", path: `/episodes/${episode.slug}`, network: "Copy link" },
      { kind: "signup", path: "/newsletter" },
    ]);
    await rollUp(NOW);

    const report = await analyticsReport(admin, "7d", NOW);
    expect(report.totals).toMatchObject({ plays: 2, listeners: 2, heardSeconds: 40, views: 3, visitors: 2, downloads: 0 });
    expect(report.episodes).toEqual([expect.objectContaining({ slug: episode.slug, plays: 2, listeners: 2, heardSeconds: 40, views: 2 })]);
    expect(report.stories).toEqual([expect.objectContaining({ slug: story.slug, events: 1 })]);
    // The story was reached from the site itself: not a source.
    expect(report.sources.map((source) => [source.name, source.events])).toEqual([
      ["google.com", 1],
      ["newsletter", 1],
    ]);
    expect(report.platforms).toEqual([expect.objectContaining({ name: "Spotify", events: 1 })]);
    expect(report.shares).toEqual([expect.objectContaining({ name: "Copy link", events: 1 })]);
    expect(report.signups).toEqual([expect.objectContaining({ page: "/newsletter", events: 1 })]);
    expect(report.periods.at(-1)).toMatchObject({ plays: 2, listeners: 2 });
    const hourly = await analyticsReport(admin, "24h", NOW);
    expect(hourly.periods).toHaveLength(24);
    expect(hourly.periods.at(-1)!.start).toEqual(new Date("2026-11-20T12:00:00Z"));
    expect(hourly.periods.at(-1)).toMatchObject({ plays: 2, views: 3 });
  });

  it("keeps nothing from bots, from browsers asking not to be tracked, or about episodes that do not exist", async () => {
    const episode = await createEpisode({ durationSeconds: 600 });
    const play: AnalyticsEventInput[] = [{ kind: "play", episode: episode.slug }];
    await send(visitor("203.0.113.5", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"), play);
    await send(visitor("203.0.113.6", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36"), play);
    await send(visitor("203.0.113.7", ""), play);
    await send(visitor("203.0.113.8", BROWSER, { "sec-gpc": "1" }), play);
    await send(visitor("203.0.113.9", BROWSER, { dnt: "1" }), play);
    await send(visitor("203.0.113.10"), [
      { kind: "play", episode: "no-such-episode" },
      { kind: "view", path: "/episodes/no-such-episode" },
      // Far past the episode's end: not a listen of this episode.
      { kind: "listen", episode: episode.slug, from: 5000, to: 5010 },
    ]);
    expect(await prisma.analyticsEvent.count()).toBe(0);
  });

  it("draws each second's listeners exactly: a seek hears nothing, a second heard twice by one listener counts once", async () => {
    const episode = await createEpisode({ durationSeconds: 120 });
    // Ada hears 0–5, skips to 60 and hears 60–63, then goes back over 2–4.
    await send(visitor("203.0.113.5"), [
      { kind: "listen", episode: episode.slug, from: 0, to: 5 },
      { kind: "listen", episode: episode.slug, from: 60, to: 63 },
      { kind: "listen", episode: episode.slug, from: 2, to: 4 },
    ]);
    await send(visitor("198.51.100.7"), [{ kind: "listen", episode: episode.slug, from: 3, to: 8 }]);
    await rollUp(NOW);
    const curve = (await episodeAnalytics(admin, episode.id, "7d", NOW))!.curve;
    expect(curve.slice(0, 9)).toEqual([1, 1, 1, 2, 2, 1, 1, 1, 0]);
    expect(curve.slice(58, 64)).toEqual([0, 0, 1, 1, 1]);
    expect(curve).toHaveLength(63);
    // The next day's listeners add to the same seconds.
    await send(visitor("203.0.113.5"), [{ kind: "listen", episode: episode.slug, from: 0, to: 2 }], new Date(NOW.getTime() + DAY));
    await rollUp(new Date(NOW.getTime() + DAY));
    const twoDays = (await episodeAnalytics(admin, episode.id, "7d", new Date(NOW.getTime() + DAY)))!;
    expect(twoDays.curve.slice(0, 3)).toEqual([2, 2, 1]);
    expect(twoDays.runs.slice(0, 3)).toEqual([
      { from: 0, to: 2, listeners: 2 },
      { from: 2, to: 3, listeners: 1 },
      { from: 3, to: 5, listeners: 2 },
    ]);
    expect(twoDays.runs.at(-1)).toEqual({ from: 63, to: 120, listeners: 0 });
    const csv = await analyticsCsv(admin, { table: "listening", range: "7d", episode: episode.id }, new Date(NOW.getTime() + DAY));
    expect(csv!.split("\r\n").slice(0, 3)).toEqual(["second,listeners", "0,2", "1,2"]);
  });

  it("recomputes open days without counting twice, keeps closed ones, and deletes raw events after 30 days", async () => {
    const episode = await createEpisode({ durationSeconds: 600 });
    await send(visitor("203.0.113.5"), [{ kind: "play", episode: episode.slug }]);
    await rollUp(NOW);
    await rollUp(NOW);
    expect((await analyticsReport(admin, "7d", NOW)).totals.plays).toBe(1);
    // A late event of the same day is counted by the next pass.
    await send(visitor("198.51.100.7"), [{ kind: "play", episode: episode.slug }], new Date(NOW.getTime() + 60_000));
    await rollUp(new Date(NOW.getTime() + 2 * 60_000));
    expect((await analyticsReport(admin, "7d", NOW)).totals).toMatchObject({ plays: 2, listeners: 2 });
    // 31 days on, the raw events are gone and the counts stay.
    const later = new Date(NOW.getTime() + 31 * DAY);
    await rollUpAndForget(later);
    expect(await prisma.analyticsEvent.count()).toBe(0);
    expect((await analyticsReport(admin, "90d", later)).totals).toMatchObject({ plays: 2, listeners: 2 });
    expect(await prisma.analyticsSalt.count({ where: { day: { lt: new Date(later.getTime() - 2 * DAY) } } })).toBe(0);
  });

  it("lists the week's most listened episodes, by listeners", async () => {
    const [quiet, popular] = [await createEpisode(), await createEpisode()];
    await send(visitor("203.0.113.5"), [{ kind: "play", episode: quiet.slug }]);
    for (const address of ["198.51.100.1", "198.51.100.2"]) await send(visitor(address), [{ kind: "play", episode: popular.slug }]);
    await rollUp(NOW);
    expect((await mostListenedThisWeek(5, NOW)).map((episode) => episode.slug)).toEqual([popular.slug, quiet.slug]);
    expect(await mostListenedThisWeek(5, new Date(NOW.getTime() + 8 * DAY))).toEqual([]);
  });
});

describe("downloads, counted the IAB way", () => {
  const get = (address: string, agent = "AppleCoreMedia/1.0.0.21F79 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)", extra: Record<string, string> = {}) => ({
    method: "GET",
    headers: visitor(address, agent, extra),
  });

  it("counts nothing while the admin has download counting off", async () => {
    const episode = await createEpisode();
    expect(await countDownload(episode.id, get("203.0.113.5"), NOW)).toBe(false);
  });

  it("counts one download per address and app per episode in 24 hours, across midnight, whatever the range requests", async () => {
    await changeAnalyticsSettings({ countDownloads: true, showMostListened: false });
    const episode = await createEpisode();
    const late = new Date("2026-11-20T23:30:00Z");
    // An app's parallel range requests, arriving together.
    const first = await Promise.all([1, 2, 3, 4].map(() => countDownload(episode.id, get("203.0.113.5", undefined, { range: "bytes=0-" }), late)));
    expect(first.filter(Boolean)).toHaveLength(1);
    // After midnight, under a new salt: still the same listener's download.
    expect(await countDownload(episode.id, get("203.0.113.5"), new Date("2026-11-21T08:00:00Z"))).toBe(false);
    // 24 hours after the first: a new download.
    expect(await countDownload(episode.id, get("203.0.113.5"), new Date(late.getTime() + DAY + 60_000))).toBe(true);
    // Another app at the same address is another listener.
    expect(await countDownload(episode.id, get("203.0.113.5", "Overcast/3.0 (+http://overcast.fm/; iOS podcast app)"), late)).toBe(true);
    expect(await countDownload(episode.id, get("203.0.113.5", "Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0"), late)).toBe(true);
  });

  it("does not count bots, HEAD requests or two-byte probes", async () => {
    await changeAnalyticsSettings({ countDownloads: true, showMostListened: false });
    const episode = await createEpisode();
    expect(await countDownload(episode.id, get("203.0.113.5", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"), NOW)).toBe(false);
    expect(await countDownload(episode.id, get("203.0.113.5", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"), NOW)).toBe(false);
    expect(await countDownload(episode.id, get("203.0.113.5", "curl/8.5.0"), NOW)).toBe(false);
    expect(await countDownload(episode.id, get("203.0.113.5", ""), NOW)).toBe(false);
    expect(await countDownload(episode.id, { ...get("203.0.113.6"), method: "HEAD" }, NOW)).toBe(false);
    expect(await countDownload(episode.id, get("203.0.113.7", undefined, { range: "bytes=0-1" }), NOW)).toBe(false);
    expect(await prisma.analyticsEvent.count()).toBe(0);
  });
});
