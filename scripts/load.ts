// `npm run bench:load`: the production build under a mixed audience (80% episode and story pages, 10% searches,
// 5% comments by signed-in readers, 5% newsletter sign-ups) offered at a rising rate until p99 passes 100 ms; prints
// the table and the knee. `npm run test:faults`: the same mix at a steady rate while Postgres is stopped
// and started again; checks that every request succeeded or failed cleanly, that the site serves again within
// 5 s of the database's return, and that every comment and sign-up that got a success answer is stored exactly
// once. Everything runs on 127.0.0.1: a database of its own, the server, the load.
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { createDatabaseIfMissing, databaseUrlFor } from "@/lib/database/admin";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrations";
import { seedDemoContent } from "@/lib/demo/seed";
import { prisma, setDatabaseUrl } from "@/lib/db";
import { listedStoryWhere } from "@/lib/stories/stories";
import { fmt, percentile, startProductionServer, table, type Row } from "./bench/common";
import { offer, type OpenLoopResult } from "./bench/open-loop";
import { runCli } from "./cli";

// Offered load in requests per second (an open loop: requests go out at this rate whatever the answers' speed, as an
// audience does), rising until some kind of request's p99 passes 100 ms.
const RATES = [200, 400, 600, 800, 1000, 1200, 1600, 2400, 3200];
const LEVEL_SECONDS = 8;
const KNEE_P99_MS = 100;
const READERS = 3000;
const FAULT_RATE = 400;
const FAULT_SECONDS = 24;
const TIMEOUT_MS = 10_000;
const OUTAGE_AT_MS = 6000;
const OUTAGE_MS = 4000;
const BACK_WITHIN_MS = 5000;

const SEARCHES = 2000;
const COMMON_WORDS = new Set([
  "about",
  "after",
  "again",
  "their",
  "there",
  "these",
  "those",
  "which",
  "while",
  "where",
  "when",
  "with",
  "from",
  "into",
  "what",
  "that",
  "this",
  "than",
  "they",
  "them",
  "your",
  "have",
  "will",
  "just",
  "only",
  "over",
  "some",
  "more",
  "most",
  "like",
  "been",
  "were",
]);

/**
 * What an audience searches for: the words and two-word phrases of the site's own titles, many distinct queries,
 * drawn by Zipf's law (the k-th most popular is searched 1/k as often as the first), as searches are: a few names
 * by many people, a long tail by few. Seeded, so every run sends the same sequence.
 */
function audienceSearches(titles: string[]): string[] {
  const phrases = new Set<string>();
  for (const title of titles) {
    const words = title.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [];
    for (const [index, word] of words.entries()) {
      if (word.length >= 4 && !COMMON_WORDS.has(word)) phrases.add(word);
      const next = words[index + 1];
      if (next && word.length >= 3 && next.length >= 3) phrases.add(`${word} ${next}`);
    }
  }
  let seed = 20261123;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const queries = [...phrases].sort(() => random() - 0.5);
  const weights = queries.map((_, rank) => 1 / (rank + 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return Array.from({ length: SEARCHES }, () => {
    let pick = random() * total;
    const index = weights.findIndex((weight) => (pick -= weight) <= 0);
    return queries[index === -1 ? queries.length - 1 : index]!;
  });
}

async function prepare(log: (message: string) => void) {
  const folder = await mkdtemp(path.join(tmpdir(), "showfront-load-"));
  const dataDir = path.join(folder, "postgres");
  let database: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir });
  await createDatabaseIfMissing(database.serverUrl, "load");
  const url = databaseUrlFor(database.serverUrl, "load");
  await applyMigrations(url);
  setDatabaseUrl(url);
  log("Loading the demo show and its stories");
  await seedDemoContent();
  const users = Array.from({ length: READERS }, (_, index) => ({ id: `load-reader-${index}`, email: `reader${index}@load.example`, name: `Reader ${index}` }));
  await prisma.user.createMany({ data: users });
  const sessions = users.map((user) => ({ sessionToken: randomBytes(24).toString("hex"), userId: user.id, expires: new Date(Date.now() + 86_400_000) }));
  await prisma.session.createMany({ data: sessions });
  const [episodes, stories] = await Promise.all([
    prisma.episode.findMany({ select: { slug: true, title: true }, orderBy: { publishedAt: "desc" } }),
    prisma.story.findMany({ where: listedStoryWhere(), select: { slug: true, title: true }, orderBy: { publishedAt: "desc" } }),
  ]);
  const pages = [...episodes.slice(0, 12).map((row) => `/episodes/${row.slug}`), ...stories.slice(0, 4).map((row) => `/stories/${row.slug}`)];
  const searches = audienceSearches([...episodes, ...stories].map((row) => row.title));
  log(`${new Set(searches).size} distinct searches among ${searches.length}`);
  return {
    url,
    pages,
    searches,
    sessions: sessions.map((row) => row.sessionToken),
    commentSlug: episodes[0]!.slug,
    restart: async () => {
      const port = database.port;
      await database.stop();
      return async () => {
        database = await startEmbeddedPostgres({ dataDir, port });
      };
    },
    close: async () => {
      await prisma.$disconnect();
      await database.stop();
      await rm(folder, { recursive: true, force: true });
    },
  };
}

type Setup = Awaited<ReturnType<typeof prepare>>;

interface MixResult {
  pages: OpenLoopResult;
  searches: OpenLoopResult;
  writes: OpenLoopResult;
}

// The mix at an offered rate: 80% pages, 10% searches, 10% writes (a comment, a sign-up, in turn: 5% each), each kind
// from a generator of its own and measured apart: a search or a sign-up is other work than a cached page.
let networks = 0;
async function offerMix(setup: Setup, baseUrl: string, rate: number, seconds: number): Promise<MixResult> {
  const plan = (share: number) => ({ baseUrl, rate: rate * share, seconds, timeoutMs: TIMEOUT_MS });
  // Every write comes from a network address no other write used: the per-network limits are not what is measured.
  networks += Math.ceil(rate * 0.1 * seconds * 2) + 1000;
  const [pages, searches, writes] = await Promise.all([
    offer({ ...plan(0.8), traffic: { kind: "reads", label: "page", paths: setup.pages } }),
    offer({ ...plan(0.1), traffic: { kind: "reads", label: "search", paths: setup.searches.map((query) => `/search?q=${encodeURIComponent(query)}`) } }),
    offer({ ...plan(0.1), traffic: { kind: "writes", sessions: setup.sessions, commentSlug: setup.commentSlug, networkBase: networks } }),
  ]);
  return { pages, searches, writes };
}

const kinds = (mix: MixResult) => [mix.pages, mix.searches, mix.writes];
const count = (mix: MixResult, pick: (result: OpenLoopResult) => number) => kinds(mix).reduce((total, result) => total + pick(result), 0);
const serverErrors = (result: OpenLoopResult) =>
  Object.entries(result.statuses).reduce((total, [key, times]) => total + (Number(key.split(" ").pop()) >= 500 ? times : 0), 0);
const p99 = (result: OpenLoopResult) => percentile(result.latencies, 99);

function answers(mix: MixResult): string {
  const statuses: Record<string, number> = {};
  for (const result of kinds(mix)) for (const [key, times] of Object.entries(result.statuses)) statuses[key] = (statuses[key] ?? 0) + times;
  return Object.entries(statuses)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, times]) => `${key}: ${times}`)
    .join(", ");
}

async function loadCurve(log: (message: string) => void): Promise<Row[]> {
  const setup = await prepare(log);
  const server = await startProductionServer(setup.url, log, { JOBS_ENABLED: "false", TRUSTED_PROXY_HOPS: "1", LOG_LEVEL: "warn" });
  const rows: Row[] = [];
  try {
    // Warm: the first level once, unmeasured, so every page is rendered and cached and the code for every kind of
    // request is loaded and compiled, as on a site that has been up a while.
    log("Warming up");
    await offerMix(setup, server.baseUrl, RATES[0]!, LEVEL_SECONDS);
    let knee: number | undefined;
    for (const rate of RATES) {
      log(`${rate} requests/s offered for ${LEVEL_SECONDS} s`);
      const mix = await offerMix(setup, server.baseUrl, rate, LEVEL_SECONDS);
      const served = Math.round(count(mix, (result) => result.latencies.length) / LEVEL_SECONDS);
      const failures = count(mix, (result) => serverErrors(result) + result.errors + result.timeouts);
      const worst = Math.max(...kinds(mix).map(p99));
      log(`Answers: ${answers(mix)}`);
      rows.push({
        name: `${rate} req/s offered: ${served} req/s served, ${failures} 5xx, errors or timeouts`,
        value: `p99 pages ${fmt(p99(mix.pages))}, searches ${fmt(p99(mix.searches))}, writes ${fmt(p99(mix.writes))}`,
        target: "no 5xx below the knee",
        pass: failures === 0,
      });
      if (worst > KNEE_P99_MS || failures > 0) break;
      knee = served;
    }
    rows.push({
      name: `The knee: the most the mix was served at with every kind's p99 ≤ ${KNEE_P99_MS} ms`,
      value: knee ? `${knee} req/s` : `below ${RATES[0]} req/s`,
      target: "> 800 req/s",
      pass: (knee ?? 0) > 800,
    });
    return rows;
  } finally {
    server.stop();
    await setup.close();
  }
}

async function faults(log: (message: string) => void): Promise<Row[]> {
  const setup = await prepare(log);
  const server = await startProductionServer(setup.url, log, { JOBS_ENABLED: "false", TRUSTED_PROXY_HOPS: "1", LOG_LEVEL: "warn" });
  try {
    log(`The mix at ${FAULT_RATE} requests/s for ${FAULT_SECONDS} s; Postgres stops at ${OUTAGE_AT_MS / 1000} s for ${OUTAGE_MS / 1000} s`);
    const load = offerMix(setup, server.baseUrl, FAULT_RATE, FAULT_SECONDS);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_AT_MS));
    const startAgain = await setup.restart();
    log("Postgres stopped");
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    await startAgain();
    const back = performance.now();
    log("Postgres started again");
    let servingAfterMs = Number.POSITIVE_INFINITY;
    for (;;) {
      const ready = await fetch(`${server.baseUrl}/api/ready`).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) {
        servingAfterMs = performance.now() - back;
        break;
      }
      if (performance.now() - back > 30_000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const mix = await load;
    log(`Answers: ${answers(mix)}`);
    const answered = count(mix, (result) => result.latencies.length);
    const fiveHundreds = count(mix, serverErrors);
    const unanswered = count(mix, (result) => result.errors + result.timeouts);
    const ok = count(mix, (result) =>
      Object.entries(result.statuses).reduce((total, [key, times]) => total + (Number(key.split(" ").pop()) < 400 ? times : 0), 0),
    );
    const [storedComments, storedSignUps] = await Promise.all([
      prisma.comment.findMany({ where: { body: { startsWith: "Load comment " } }, select: { body: true } }),
      prisma.subscriber.findMany({ where: { email: { endsWith: "@load.example" } }, select: { email: true } }),
    ]);
    const tally = (values: string[]) => values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>());
    const comments = tally(storedComments.map((row) => row.body));
    const signUps = tally(storedSignUps.map((row) => row.email));
    const { acknowledged } = mix.writes;
    const lost = acknowledged.comments.filter((body) => !comments.has(body)).length + acknowledged.signUps.filter((email) => !signUps.has(email)).length;
    const doubled = [...comments.values(), ...signUps.values()].filter((times) => times > 1).length;
    return [
      {
        name: `Requests during the run: ${count(mix, (result) => result.sent)} (${ok} 2xx/3xx, ${answered - ok - fiveHundreds} 4xx, ${fiveHundreds} 5xx answered cleanly), ${count(mix, (result) => result.errors)} connection errors, ${count(mix, (result) => result.timeouts)} timeouts`,
        value: unanswered === 0 ? "every request answered" : `${unanswered} not answered`,
        target: "succeeds or fails cleanly",
        pass: unanswered === 0,
      },
      {
        name: "Serving again after Postgres returned (/api/ready 200)",
        value: Number.isFinite(servingAfterMs) ? fmt(servingAfterMs) : "not within 30 s",
        target: `< ${BACK_WITHIN_MS / 1000} s`,
        pass: servingAfterMs < BACK_WITHIN_MS,
      },
      {
        name: `Acknowledged comments (${acknowledged.comments.length}) and sign-ups (${acknowledged.signUps.length}) stored`,
        value: `${lost} lost, ${doubled} doubled`,
        target: "none lost, none doubled",
        pass: lost + doubled === 0,
      },
    ];
  } finally {
    server.stop();
    await setup.close();
  }
}

runCli(async (log) => {
  const { values } = parseArgs({ options: { faults: { type: "boolean" } } });
  const rows = values.faults ? await faults(log) : await loadCurve(log);
  process.stdout.write(`\n${table(rows)}\n`);
  return rows.every((row) => row.pass !== false) ? 0 : 1;
});
