// Analytics ingestion: beacons of 20 events (each from a visitor of its own, behind one trusted proxy) into the
// production build while episode pages are requested, against the same page load alone, in turns in one run. Both
// loads are open-loop (scripts/bench/open-loop.ts: requests arrive at random moments at a steady rate, each kind from
// a process of its own). Events per second are the rows the batches wrote, counted in the database afterwards.
import { createTemporaryDatabase } from "@/lib/database/admin";
import { applyMigrations } from "@/lib/database/migrations";
import { prisma, setDatabaseUrl } from "@/lib/db";
import { fmt, percentile, startProductionServer, type Row } from "./common";
import { offer } from "./open-loop";

const EPISODES = 100;
const EVENTS_PER_BEACON = 20;
const BEACONS_PER_SECOND = 125;
// Pages at a steady rate, as visitors arrive, so their latency is compared at the same load.
const PAGES_PER_SECOND = 100;
const SECONDS = 10;
const ROUNDS = 5;
const TIMEOUT_MS = 10_000;
// The same beacons from a crawler are answered and not counted: what 125 more requests a second cost by themselves.
const CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

const median = (values: number[]) => percentile(values, 50);

async function seed(log: (message: string) => void) {
  log(`Adding a show with ${EPISODES} hour-long episodes`);
  const show = await prisma.show.create({ data: { slug: "bench-show", title: "Bench Show" } });
  await prisma.episode.createMany({
    data: Array.from({ length: EPISODES }, (_, index) => ({
      showId: show.id,
      guid: `bench-${index}`,
      slug: `bench-${index}`,
      title: `Bench episode ${index}`,
      summary: "What happened this week.",
      durationSeconds: 3600,
      audioUrl: `https://cdn.example.com/bench-${index}.mp3`,
      publishedAt: new Date(Date.now() - index * 3_600_000),
    })),
  });
}

// What a listener's page sends over a visit: a view, a play, heard stretches and a quartile.
function beacon(index: number): string {
  const episode = `bench-${index % EPISODES}`;
  const events = [
    { kind: "view", path: `/episodes/${episode}`, referrer: "https://www.google.com/" },
    { kind: "play", episode },
    ...Array.from({ length: EVENTS_PER_BEACON - 3 }, (_, chunk) => ({ kind: "listen", episode, from: chunk * 15, to: chunk * 15 + 15 })),
    { kind: "quartile", episode, quartile: 25 },
  ];
  return JSON.stringify({ events });
}

export async function analyticsBenchmarks(postgresServerUrl: string, log: (message: string) => void): Promise<Row[]> {
  const database = await createTemporaryDatabase(postgresServerUrl, "showfront_bench_analytics");
  await applyMigrations(database.url);
  setDatabaseUrl(database.url);
  await seed(log);
  const server = await startProductionServer(database.url, log, { JOBS_ENABLED: "false", TRUSTED_PROXY_HOPS: "1" });
  try {
    const pages = (seconds: number) =>
      offer({
        baseUrl: server.baseUrl,
        rate: PAGES_PER_SECOND,
        seconds,
        timeoutMs: TIMEOUT_MS,
        traffic: { kind: "reads", label: "page", paths: Array.from({ length: 20 }, (_, index) => `/episodes/bench-${index}`) },
      });
    log("Warming the pages");
    await pages(5);
    // Alone and beside the beacons in turns, so a busy moment of the machine falls on both alike.
    const alone: number[] = [];
    const beside: number[] = [];
    const besideUncounted: number[] = [];
    let pageFailures = 0;
    let sent = 0;
    let failed = 0;
    const beaconLatencies: number[] = [];
    const bodies = Array.from({ length: EPISODES }, (_, index) => beacon(index));
    for (let round = 1; round <= ROUNDS; round += 1) {
      log(
        `Round ${round} of ${ROUNDS}: the page load alone, beside a crawler's beacons, beside ${BEACONS_PER_SECOND * EVENTS_PER_BEACON} events/s of counted beacons`,
      );
      alone.push(percentile((await pages(SECONDS)).latencies, 99));
      const beacons = (userAgent: string) =>
        offer({ baseUrl: server.baseUrl, rate: BEACONS_PER_SECOND, seconds: SECONDS, timeoutMs: TIMEOUT_MS, traffic: { kind: "beacons", bodies, userAgent } });
      const [uncountedPages] = await Promise.all([pages(SECONDS), beacons(CRAWLER)]);
      besideUncounted.push(percentile(uncountedPages.latencies, 99));
      const [pageResult, counted] = await Promise.all([pages(SECONDS), beacons(BROWSER)]);
      beside.push(percentile(pageResult.latencies, 99));
      pageFailures += pageResult.errors + pageResult.timeouts + (pageResult.sent - (pageResult.statuses["page 200"] ?? 0));
      const accepted = counted.statuses["beacon 204"] ?? 0;
      sent += accepted * EVENTS_PER_BEACON;
      failed += counted.sent - accepted;
      beaconLatencies.push(...counted.latencies);
    }
    // The last batch is written within a second of the last beacon.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const written = await prisma.analyticsEvent.count();
    const seconds = ROUNDS * SECONDS;
    const [aloneP99, besideP99, uncountedP99] = [median(alone), median(beside), median(besideUncounted)];
    return [
      {
        name: `Events written, ${BEACONS_PER_SECOND} beacons/s of ${EVENTS_PER_BEACON} events, ${ROUNDS} × ${SECONDS} s (${sent.toLocaleString("en")} accepted, ${failed} beacons refused or failed)`,
        value: `${Math.round(written / seconds).toLocaleString("en")} events/s (${written.toLocaleString("en")} rows), beacon p50 / p99 ${fmt(percentile(beaconLatencies, 50))} / ${fmt(percentile(beaconLatencies, 99))}`,
        target: "≥ 2,000 events/s, all written",
        pass: written / seconds >= 2000 && written === sent && failed === 0,
      },
      {
        name: `Episode pages, ${PAGES_PER_SECOND} a second, median of ${ROUNDS} rounds' p99: alone, then beside the beacons (${pageFailures} failed)`,
        value: `p99 ${fmt(aloneP99)} → ${fmt(besideP99)} (rounds alone ${alone.map(fmt).join(", ")}; beside ${beside.map(fmt).join(", ")})`,
        target: "p99 unchanged (within 1.5× or 10 ms)",
        pass: besideP99 <= Math.max(aloneP99 * 1.5, aloneP99 + 10) && pageFailures === 0,
      },
      {
        name: "The same, beside the same beacons from a crawler (answered, not counted): the requests' own cost",
        value: `p99 ${fmt(uncountedP99)} (rounds ${besideUncounted.map(fmt).join(", ")}); counting and writing add ${fmt(Math.max(0, besideP99 - uncountedP99))}`,
        target: "—",
        pass: undefined,
      },
    ];
  } finally {
    server.stop();
    await prisma.$disconnect();
  }
}
