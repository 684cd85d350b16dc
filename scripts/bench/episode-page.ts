// The episode page under load: a realistic 2,000-episode show (transcripts, related stories) on the production
// build, hammered by autocannon; the JavaScript a first visit downloads; and Lighthouse's mobile scores. Lighthouse
// and autocannon are imported where they are used, so the feed section's memory figures never carry them.
import { spawn } from "node:child_process";
import { gzipSync } from "node:zlib";
import { createTemporaryDatabase } from "@/lib/database/admin";
import { applyMigrations } from "@/lib/database/migrations";
import { prisma, setDatabaseUrl } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { importPodcastFeed } from "@/lib/feeds/import";
import { indexAllEpisodesForSearch } from "@/lib/search/indexing";
import { freePort } from "@/lib/database/free-port";
import { transcriptPlainText, type TranscriptCue } from "@/lib/episodes/transcripts";
import { bigFeedXml } from "./big-feed";
import { fmt, percentile, startProductionServer, type Row } from "./common";

const EPISODES = 2000;
const CONNECTIONS = 50;
const DURATION_SECONDS = 20;
// The measure of a bare Next.js 16 page with one client component on this machine, first load, gzip.
const BARE_NEXT_PAGE_JS_KB = 132;
const JS_BUDGET_ABOVE_BARE_KB = 20;
const LIGHTHOUSE_RUNS = 5;

function sampleTranscript(): TranscriptCue[] {
  return Array.from({ length: 400 }, (_, index) => ({
    start: index * 9,
    end: index * 9 + 9,
    speaker: index % 2 ? "Dan Reyes" : "Maya Okafor",
    text: "We went back to the depot at dawn to see which buses actually left on time, and why the schedule says otherwise.",
  }));
}

async function seedShow(databaseUrl: string, log: (message: string) => void) {
  setDatabaseUrl(databaseUrl);
  log(`Seeding a ${EPISODES}-episode show with 400-line transcripts and 30 stories`);
  await importPodcastFeed(bigFeedXml(EPISODES));
  const cues = sampleTranscript();
  await prisma.$executeRaw`UPDATE "Episode" SET "transcriptCues" = ${JSON.stringify(cues)}::jsonb, "transcriptText" = ${transcriptPlainText(cues)}`;
  await indexAllEpisodesForSearch();
  await prisma.story.createMany({
    data: Array.from({ length: 30 }, (_, index) => ({
      slug: `bench-story-${index + 1}`,
      title: `Why the ${index % 2 ? "rails" : "roads"} budget shrank, part ${index + 1}`,
      dek: "What the city's transport numbers say.",
      body: "Budgets for roads, rails and rates were cut again this year. ".repeat(80),
      status: "PUBLISHED" as const,
      publishedAt: new Date(Date.UTC(2026, 0, index + 1)),
    })),
  });
  return (await prisma.episode.findMany({ select: { slug: true }, orderBy: { publishedAt: "desc" }, take: 100 })).map((row) => row.slug);
}

async function firstLoadJavaScriptKb(pageUrl: string): Promise<{ kb: number; files: number }> {
  const html = await (await fetch(pageUrl)).text();
  // A noModule script (Next's legacy polyfills) is never downloaded by a browser that runs modules.
  const tags = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1]!).filter((attributes) => !/\bnomodule\b/i.test(attributes));
  const sources = [...new Set(tags.flatMap((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1] ?? []))];
  let bytes = 0;
  for (const source of sources) bytes += gzipSync(Buffer.from(await (await fetch(new URL(source, pageUrl))).arrayBuffer())).length;
  return { kb: bytes / 1024, files: sources.length };
}

async function lighthouseScores(pageUrl: string): Promise<Record<string, number>> {
  const port = await freePort();
  const chrome = spawn(
    getEnv().CHROME_PATH ?? "/usr/bin/chromium",
    ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", `--remote-debugging-port=${port}`, "about:blank"],
    { stdio: "ignore" },
  );
  try {
    for (
      let attempt = 0;
      !(await fetch(`http://127.0.0.1:${port}/json/version`).then(
        (response) => response.ok,
        () => false,
      ));
      attempt += 1
    ) {
      if (attempt > 50) throw new Error("Chromium did not open its debugging port");
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Lighthouse's default run is the mobile one: a mid-range phone on a slow 4G connection, simulated. Its scores
    // vary from run to run (more so on 2 busy cores), so the median of five runs is reported, as Lighthouse advises.
    const { default: lighthouse } = await import("lighthouse");
    const runs: Record<string, number>[] = [];
    for (let run = 0; run < LIGHTHOUSE_RUNS; run += 1) {
      const result = await lighthouse(pageUrl, {
        port,
        logLevel: "error",
        output: "json",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      if (!result) throw new Error("Lighthouse returned no result");
      runs.push(Object.fromEntries(Object.entries(result.lhr.categories).map(([id, category]) => [id, Math.round((category.score ?? 0) * 100)])));
    }
    return Object.fromEntries(
      Object.keys(runs[0]!).map((id) => [
        id,
        percentile(
          runs.map((scores) => scores[id]!),
          50,
        ),
      ]),
    );
  } finally {
    chrome.kill("SIGTERM");
  }
}

export async function episodePageBenchmarks(postgresServerUrl: string, log: (message: string) => void): Promise<Row[]> {
  const database = await createTemporaryDatabase(postgresServerUrl, "showfront_bench_pages");
  await applyMigrations(database.url);
  const slugs = await seedShow(database.url, log);
  const paths = slugs.map((slug) => `/episodes/${slug}`);
  // The first request of each page renders it; the benchmark measures what listeners get after that. The load
  // generator runs in a worker thread so it shares no event loop with this process's other work.
  const { default: autocannon } = await import("autocannon");
  const loadTest = async (baseUrl: string, duration: number) => {
    for (const path of paths) await fetch(`${baseUrl}${path}`).then((response) => response.arrayBuffer());
    return autocannon({ url: baseUrl, connections: CONNECTIONS, duration, workers: 1, requests: paths.map((path) => ({ method: "GET", path })) });
  };

  log("Episode pages with the edge cache off, for comparison (10 s)");
  const plain = await startProductionServer(database.url, log, { JOBS_ENABLED: "false", EDGE_CACHE_SECONDS: "0" });
  const withoutEdge = await loadTest(plain.baseUrl, 10).finally(() => plain.stop());

  const server = await startProductionServer(database.url, log, { JOBS_ENABLED: "false" });
  try {
    log(`Episode pages under load: ${CONNECTIONS} connections for ${DURATION_SECONDS} s over ${paths.length} episodes`);
    const load = await loadTest(server.baseUrl, DURATION_SECONDS);
    const failures = load.errors + load.timeouts + load.non2xx;
    const pageBytes = (await (await fetch(`${server.baseUrl}${paths[0]}`)).arrayBuffer()).byteLength;

    log("JavaScript a first visit to an episode page downloads");
    const js = await firstLoadJavaScriptKb(`${server.baseUrl}${paths[0]}`);

    log("Lighthouse, mobile, on an episode page");
    const scores = await lighthouseScores(`${server.baseUrl}${paths[0]}`);

    return [
      {
        name: `Episode pages, ${CONNECTIONS} connections, ${DURATION_SECONDS} s, ${EPISODES}-episode show (${load.requests.total} requests, ${failures} failed)`,
        value: `${Math.round(load.requests.average)} req/s`,
        target: "≥ 1,500 req/s, no failure",
        pass: load.requests.average >= 1500 && failures === 0,
      },
      {
        name: "Episode page latency p50 / p99 under that load",
        value: `${fmt(load.latency.p50)} / ${fmt(load.latency.p99)}`,
        target: "p99 < 75 ms",
        pass: load.latency.p99 < 75,
      },
      { name: "Episode page HTML, uncompressed (RSC payload included)", value: `${(pageBytes / 1024).toFixed(1)} KB`, target: "—", pass: undefined },
      {
        name: `For comparison: the same pages with the edge cache off (EDGE_CACHE_SECONDS=0, Next's ISR cache alone), ${CONNECTIONS} connections, 10 s`,
        value: `${Math.round(withoutEdge.requests.average)} req/s, p50 / p99 ${fmt(withoutEdge.latency.p50)} / ${fmt(withoutEdge.latency.p99)}`,
        target: "—",
        pass: undefined,
      },
      {
        name: `First-load JavaScript of an episode page, gzip (${js.files} files)`,
        value: `${js.kb.toFixed(1)} KB`,
        target: `≤ ${BARE_NEXT_PAGE_JS_KB + JS_BUDGET_ABOVE_BARE_KB} KB (a bare Next.js 16 page with one client component, ${BARE_NEXT_PAGE_JS_KB} KB, + ${JS_BUDGET_ABOVE_BARE_KB})`,
        pass: js.kb <= BARE_NEXT_PAGE_JS_KB + JS_BUDGET_ABOVE_BARE_KB,
      },
      ...(["performance", "accessibility", "best-practices", "seo"] as const).map((category) => {
        const minimum = category === "performance" ? 95 : 100;
        return {
          name: `Lighthouse mobile: ${category}`,
          value: String(scores[category] ?? "—"),
          target: `≥ ${minimum}`,
          pass: (scores[category] ?? 0) >= minimum,
        };
      }),
    ];
  } finally {
    server.stop();
    await prisma.$disconnect();
  }
}
