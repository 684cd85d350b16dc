import { describe, expect, it } from "@jest/globals";
import { ListeningTracker } from "@/components/analytics/listening";
import { countsAsDownload } from "@/lib/analytics/downloads";
import { sourceOf } from "@/lib/analytics/ingest";
import { dropOffs, listeningRuns, periodsOf } from "@/lib/analytics/reports";
import { mayCount, mayCountDownload } from "@/lib/analytics/visitors";
import { beaconSchema } from "@/lib/validations/analytics";

const BROWSER = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15";

/** Plays from `from` to `to` as a browser reports it: a position every quarter second. */
function play(tracker: ListeningTracker, from: number, to: number, rate = 1) {
  tracker.movedTo(from);
  for (let position = from + 0.25 * rate; position < to; position += 0.25 * rate) tracker.played(position, rate);
  tracker.played(to, rate);
}

describe("what counts as listening", () => {
  it("counts the whole seconds the playhead played through, and nothing a seek jumped over", () => {
    const tracker = new ListeningTracker("ep");
    play(tracker, 0, 4.3);
    // A seek: the playhead lands at 20 without playing 4–20.
    play(tracker, 20, 23.6);
    expect(tracker.takeChunks()).toEqual([
      { from: 0, to: 4 },
      { from: 20, to: 23 },
    ]);
    expect(tracker.takeChunks()).toEqual([]);
  });

  it("counts a second heard twice once, at any speed", () => {
    const tracker = new ListeningTracker("ep");
    play(tracker, 0, 10, 2);
    play(tracker, 5, 12);
    expect(tracker.takeChunks()).toEqual([{ from: 0, to: 12 }]);
  });

  it("takes a jump between two reports for a seek, even without a seek event", () => {
    const tracker = new ListeningTracker("ep");
    tracker.movedTo(0);
    tracker.played(1);
    tracker.played(300);
    expect(tracker.takeChunks()).toEqual([{ from: 0, to: 1 }]);
  });

  it("reaches a quartile only by playing through it", () => {
    const tracker = new ListeningTracker("ep");
    play(tracker, 0, 26);
    expect(tracker.newQuartiles(100)).toEqual([25]);
    play(tracker, 60, 76);
    expect(tracker.newQuartiles(100)).toEqual([75]);
    expect(tracker.newQuartiles(100)).toEqual([]);
    play(tracker, 95, 100);
    expect(tracker.newQuartiles(100)).toEqual([100]);
    expect(new ListeningTracker("ep").newQuartiles(Number.NaN)).toEqual([]);
  });
});

describe("who is counted", () => {
  const headers = (values: Record<string, string>) => new Headers(values);

  it("counts browsers, and not bots, headless browsers, a missing agent, GPC or DNT", () => {
    expect(mayCount(headers({ "user-agent": BROWSER }))).toBe(true);
    expect(mayCount(headers({ "user-agent": "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)" }))).toBe(false);
    expect(
      mayCount(headers({ "user-agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36" })),
    ).toBe(false);
    expect(mayCount(headers({}))).toBe(false);
    expect(mayCount(headers({ "user-agent": BROWSER, "sec-gpc": "1" }))).toBe(false);
    expect(mayCount(headers({ "user-agent": BROWSER, dnt: "1" }))).toBe(false);
  });

  it("counts podcast apps' downloads, which a browser's bot list would take for bots, and still not named bots", () => {
    for (const app of ["Overcast/3.0 (+http://overcast.fm/; iOS podcast app)", "AntennaPod/3.4.0", "Podcasts/1650.20 CFNetwork/1408.0.4 Darwin/22.5.0"])
      expect(mayCountDownload(headers({ "user-agent": app }))).toBe(true);
    for (const bot of ["Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)", "curl/8.5.0", "python-requests/2.32.3", ""])
      expect(mayCountDownload(headers({ "user-agent": bot }))).toBe(false);
  });

  it("counts a GET as a download, not a HEAD or a two-byte probe", () => {
    const app = { "user-agent": "AppleCoreMedia/1.0.0.21F79 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)" };
    expect(countsAsDownload({ method: "GET", headers: headers(app) })).toBe(true);
    expect(countsAsDownload({ method: "GET", headers: headers({ ...app, range: "bytes=0-" }) })).toBe(true);
    expect(countsAsDownload({ method: "GET", headers: headers({ ...app, range: "bytes=0-1" }) })).toBe(false);
    expect(countsAsDownload({ method: "HEAD", headers: headers(app) })).toBe(false);
  });
});

describe("where a visit came from", () => {
  const own = ["showfront.example", "localhost"];
  it("names a campaign first, then the other site, else direct; this site's own pages are no source", () => {
    expect(sourceOf({ campaign: "Newsletter", referrer: "https://google.com/" }, own)).toBe("newsletter");
    expect(sourceOf({ referrer: "https://www.google.com/search?q=harbor" }, own)).toBe("google.com");
    expect(sourceOf({ referrer: "https://www.showfront.example/episodes/a" }, own)).toBe("");
    expect(sourceOf({}, own)).toBe("direct");
    expect(sourceOf({ referrer: "android-app://com.google.android.gm/" }, own)).toBe("direct");
    expect(sourceOf({ referrer: "not a url", campaign: "<script>" }, own)).toBe("direct");
  });
});

describe("the events endpoint's shape", () => {
  it("takes the site's own events and refuses anything else whole", () => {
    expect(beaconSchema.safeParse({ events: [{ kind: "listen", episode: "harbor-1", from: 0, to: 15 }] }).success).toBe(true);
    const refused = [
      { events: [] },
      { events: Array.from({ length: 51 }, () => ({ kind: "play", episode: "a" })) },
      { events: [{ kind: "listen", episode: "a", from: 10, to: 5 }] },
      { events: [{ kind: "listen", episode: "a", from: 0, to: 4000 }] },
      { events: [{ kind: "listen", episode: "a", from: 0.5, to: 4 }] },
      { events: [{ kind: "play", episode: "../admin" }] },
      { events: [{ kind: "play", episode: "a", visitor: "me" }] },
      { events: [{ kind: "view", path: "https://evil.example/" }] },
      { events: [{ kind: "view", path: "/a\u0000b" }] },
      { events: [{ kind: "platform", path: "/", platform: "<img src=x>" }] },
      { events: [{ kind: "quartile", episode: "a", quartile: 33 }] },
      { events: [{ kind: "delete" }] },
      "play",
    ];
    for (const body of refused) expect(beaconSchema.safeParse(body).success).toBe(false);
  });
});

describe("reading the counts", () => {
  it("lists the periods of a range, ending with the current one", () => {
    const now = new Date("2026-11-20T12:34:00Z");
    const hours = periodsOf("24h", now);
    expect(hours.starts).toHaveLength(24);
    expect(hours.starts.at(-1)).toEqual(new Date("2026-11-20T12:00:00Z"));
    expect(periodsOf("7d", now).starts[0]).toEqual(new Date("2026-11-14T00:00:00Z"));
  });

  it("lists the stretches heard by the same number of listeners, up to the episode's end", () => {
    expect(listeningRuns([1, 1, 0, 2], 6)).toEqual([
      { from: 0, to: 2, listeners: 1 },
      { from: 2, to: 3, listeners: 0 },
      { from: 3, to: 4, listeners: 2 },
      { from: 4, to: 6, listeners: 0 },
    ]);
  });

  it("finds where most listeners stopped", () => {
    // A 20-minute episode is read a minute at a time.
    const curve = [...Array(60).fill(10), ...Array(60).fill(9), ...Array(60).fill(3), ...Array(60).fill(3)];
    expect(dropOffs(curve, 1200)).toEqual([
      { at: 60, to: 120, lost: 6 },
      { at: 180, to: 240, lost: 3 },
      { at: 0, to: 60, lost: 1 },
    ]);
    // A 40-second one, five seconds at a time: stopping at 0:04 shows in its first stretch.
    expect(dropOffs([1, 1, 1, 1], 40)).toEqual([{ at: 0, to: 5, lost: 1 }]);
  });
});
