// `npm run bench`: measures what the issues set speed targets for and writes docs/BENCHMARKS.md. Everything runs
// on this machine: an embedded PostgreSQL (durable, as in development) and a feed server on 127.0.0.1.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { createTemporaryDatabase } from "@/lib/database/admin";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrations";
import { prisma, useDatabaseUrl } from "@/lib/db";
import { addFeedSource, syncFeedSource } from "@/lib/feeds/sync";
import { bigFeedXml } from "./bench/big-feed";
import { runCli } from "./cli";

interface Row {
  name: string;
  value: string;
  target: string;
  pass: boolean | undefined;
}

function servePaths(paths: Map<string, { body: Buffer; etag: string }>) {
  const server = http.createServer((request, response) => {
    const entry = paths.get(request.url ?? "");
    if (!entry) return void response.writeHead(404).end();
    if (request.headers["if-none-match"] === entry.etag) return void response.writeHead(304).end();
    response.writeHead(200, { "content-type": "application/rss+xml", etag: entry.etag, "content-length": entry.body.length }).end(entry.body);
  });
  return new Promise<{ url: (p: string) => string; close: () => void }>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: (p) => `http://127.0.0.1:${port}${p}`, close: () => server.close() });
    }),
  );
}

async function measure<T>(work: () => Promise<T>) {
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const started = performance.now();
  try {
    const result = await work();
    return { result, ms: performance.now() - started, peakMb: peak / 1024 / 1024, loopP99Ms: loop.percentile(99) / 1e6 };
  } finally {
    clearInterval(sampler);
    loop.disable();
  }
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

runCli(async (log) => {
  const folder = await mkdtemp(path.join(tmpdir(), "showfront-bench-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(folder, "data"), ephemeral: true });
  const rows: Row[] = [];
  try {
    const database = await createTemporaryDatabase(server.serverUrl, "showfront_bench");
    await applyMigrations(database.url);
    useDatabaseUrl(database.url);

    const ITEMS = 5000;
    log(`Generating a ${ITEMS}-item feed`);
    const feed = Buffer.from(bigFeedXml(ITEMS));
    const grown = Buffer.from(bigFeedXml(ITEMS + 1));
    const hostile = Buffer.from(bigFeedXml(200, { hostile: true }));
    const paths = new Map([["/daily.xml", { body: feed, etag: '"v1"' }], ["/hostile.xml", { body: hostile, etag: '"h1"' }]]);
    const feeds = await servePaths(paths);
    const baselineMb = process.memoryUsage().rss / 1024 / 1024;

    log(`First import of ${ITEMS} episodes (${(feed.length / 1024 / 1024).toFixed(1)} MB)`);
    const first = await measure(() => addFeedSource({ url: feeds.url("/daily.xml"), kind: "PODCAST", fetch: { allowPrivateHosts: true } }));
    const sourceId = first.result.source.id;
    const created = first.result.sync.status === "IMPORTED" ? first.result.sync.created : 0;
    rows.push({ name: `First import, ${ITEMS} items, ${(feed.length / 1024 / 1024).toFixed(1)} MB (${created} created)`, value: fmt(first.ms), target: "< 3 s", pass: first.ms < 3000 });
    rows.push({ name: "Peak memory the import added to the process (RSS above idle, worker included)", value: `${(first.peakMb - baselineMb).toFixed(0)} MB`, target: "< 300 MB", pass: first.peakMb - baselineMb < 300 });
    rows.push({
      name: "Peak RSS of the whole benchmark process (idle: tsx, Prisma's query compiler, and the wasm schema engine it loaded to migrate)",
      value: `${first.peakMb.toFixed(0)} MB (idle ${baselineMb.toFixed(0)} MB)`,
      target: "—",
      pass: undefined,
    });
    rows.push({ name: "Event-loop delay p99 during that import (what page requests would wait)", value: fmt(first.loopP99Ms), target: "—", pass: undefined });

    log("Re-sync of the unchanged feed (304)");
    const samples: number[] = [];
    for (let run = 0; run < 20; run += 1) {
      samples.push((await measure(() => syncFeedSource(sourceId, { fetch: { allowPrivateHosts: true } }))).ms);
    }
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)]!;
    rows.push({ name: "Re-sync, unchanged feed (median of 20)", value: fmt(median), target: "< 50 ms", pass: median < 50 });

    log("Re-sync with one new item");
    paths.set("/daily.xml", { body: grown, etag: '"v2"' });
    const oneNew = await measure(() => syncFeedSource(sourceId, { fetch: { allowPrivateHosts: true } }));
    const oneNewCreated = oneNew.result.status === "IMPORTED" ? oneNew.result.created : 0;
    rows.push({ name: `Re-sync with one new item (${oneNewCreated} created)`, value: fmt(oneNew.ms), target: "< 200 ms", pass: oneNew.ms < 200 });

    log("Import of a hostile feed (quadratic HTML in every description), timing the event loop meanwhile");
    const hostileRun = await measure(() => addFeedSource({ url: feeds.url("/hostile.xml"), kind: "PODCAST", fetch: { allowPrivateHosts: true } }).catch((error: Error) => error));
    rows.push({
      name: "Event-loop delay p99 while a hostile feed is parsed (parsing runs in a worker)",
      value: `${fmt(hostileRun.loopP99Ms)} (import took ${fmt(hostileRun.ms)}: ${hostileRun.result instanceof Error ? hostileRun.result.message : "imported"})`,
      target: "no stall (< 50 ms)",
      pass: hostileRun.loopP99Ms < 50,
    });
    feeds.close();
    await prisma.$disconnect();
  } finally {
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  }

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const report = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts). Re-run it after changing the feed import; the table says plainly
what misses its target.

- Date: ${new Date().toISOString()}
- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}
- Database: embedded PostgreSQL 18, durable settings, on the same machine
- Feeds: served from 127.0.0.1 by the benchmark itself

## Feed import (issue: pull episodes from the audio platforms' feeds)

| Measure | Result | Target | Met |
| --- | --- | --- | --- |
${rows.map((row) => `| ${row.name} | ${row.value} | ${row.target} | ${row.pass === undefined ? "—" : row.pass ? "yes" : "**no**"} |`).join("\n")}
`;
  await writeFile("docs/BENCHMARKS.md", report);
  process.stdout.write(`\n${report}\n`);
  return 0;
});
