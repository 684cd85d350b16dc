// `npm run bench:load`: the production build under a mixed audience (80% episode and story pages, 10% searches,
// 5% comments by signed-in readers, 5% newsletter sign-ups) at rising concurrency until p99 passes 100 ms; prints
// the table and the knee. `npm run test:faults`: the same mix at a steady concurrency while Postgres is stopped
// and started again; checks that every request succeeded or failed cleanly, that the site serves again within
// 5 s of the database's return, and that every comment and sign-up that got a success answer is stored exactly
// once. Everything runs on 127.0.0.1: a database of its own, the server, the load.
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type autocannonType from "autocannon";
import { createDatabaseIfMissing, databaseUrlFor } from "@/lib/database/admin";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrations";
import { seedDemoContent } from "@/lib/demo/seed";
import { prisma, useDatabaseUrl } from "@/lib/db";
import { listedStoryWhere } from "@/lib/stories/stories";
import { fmt, startProductionServer, table, type Row } from "./bench/common";
import { runCli } from "./cli";

// Offered load in requests per second (an open loop: requests go out at this rate whatever the answers' speed, as an
// audience does), rising until some kind of request's p99 passes 100 ms.
const RATES = [200, 400, 800, 1000, 1200, 1600, 2400, 3200];
const LEVEL_SECONDS = 8;
const KNEE_P99_MS = 100;
const READERS = 3000;
const FAULT_CONNECTIONS = 25;
const FAULT_SECONDS = 24;
const OUTAGE_AT_MS = 6000;
const OUTAGE_MS = 4000;
const BACK_WITHIN_MS = 5000;

interface Target {
  baseUrl: string;
  pages: string[];
  searches: string[];
  sessions: string[];
}

const SEARCHES = 2000;
const COMMON_WORDS = new Set(["about", "after", "again", "their", "there", "these", "those", "which", "while", "where", "when", "with", "from", "into", "what", "that", "this", "than", "they", "them", "your", "have", "will", "just", "only", "over", "some", "more", "most", "like", "been", "were"]);

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
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const queries = [...phrases].sort(() => random() - 0.5);
  const weights = queries.map((_, rank) => 1 / (rank + 1));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return Array.from({ length: SEARCHES }, () => {
    let pick = random() * total;
    const index = weights.findIndex((weight) => (pick -= weight) <= 0);
    return queries[index === -1 ? queries.length - 1 : index]!;
  });
}

interface Acknowledged {
  comments: string[];
  signUps: string[];
  /** How the writes were answered, e.g. "comment 201": 40. */
  statuses: Record<string, number>;
}

async function prepare(log: (message: string) => void) {
  const folder = await mkdtemp(path.join(tmpdir(), "showfront-load-"));
  const dataDir = path.join(folder, "postgres");
  let database: EmbeddedDatabase = await startEmbeddedPostgres({ dataDir });
  await createDatabaseIfMissing(database.serverUrl, "load");
  const url = databaseUrlFor(database.serverUrl, "load");
  await applyMigrations(url);
  useDatabaseUrl(url);
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

// The mix, by rate: 80% pages, 10% searches, 10% writes (a comment, a sign-up, in turn: 5% each). Each kind's
// latency is measured apart: a search or a sign-up is other work than a cached page.
function mixedRequests(target: Target, commentSlug: string, acknowledged: Acknowledged): { pages: autocannonType.Request[]; searches: autocannonType.Request[]; writes: autocannonType.Request[] } {
  let sequence = 0;
  const network = () => {
    sequence += 1;
    return `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`;
  };
  const pageRequests = Array.from({ length: 16 }, (_, index) => ({ method: "GET" as const, path: target.pages[index % target.pages.length]! }));
  const searches = target.searches.map((query) => ({ method: "GET" as const, path: `/search?q=${encodeURIComponent(query)}` }));
  const comment: autocannonType.Request = {
    method: "POST",
    path: "/api/comments",
    // The write's key rides on the connection's context to its response (one request at a time per connection).
    setupRequest: (request, context) => {
      const body = `Load comment ${randomUUID()}`;
      (context as { key?: string }).key = body;
      return {
        ...request,
        headers: {
          "content-type": "application/json",
          origin: target.baseUrl,
          cookie: `next-auth.session-token=${target.sessions[sequence % target.sessions.length]}`,
          "x-forwarded-for": network(),
        },
        body: JSON.stringify({ kind: "episode", slug: commentSlug, body, shownAt: String(Date.now() - 10_000) }),
      };
    },
    onResponse: (status, _body, context) => {
      acknowledged.statuses[`comment ${status}`] = (acknowledged.statuses[`comment ${status}`] ?? 0) + 1;
      if (status === 201) acknowledged.comments.push(String((context as { key?: string }).key ?? ""));
    },
  };
  const signUp: autocannonType.Request = {
    method: "POST",
    path: "/api/newsletter/subscribe",
    setupRequest: (request, context) => {
      const email = `load-${randomUUID()}@load.example`;
      (context as { key?: string }).key = email;
      return {
        ...request,
        headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", origin: target.baseUrl, "x-forwarded-for": network() },
        body: new URLSearchParams({ email, name: "Load Visitor", source: "/" }).toString(),
      };
    },
    onResponse: (status, _body, context) => {
      acknowledged.statuses[`sign-up ${status}`] = (acknowledged.statuses[`sign-up ${status}`] ?? 0) + 1;
      if (status === 200) acknowledged.signUps.push(String((context as { key?: string }).key ?? ""));
    },
  };
  return { pages: pageRequests, searches, writes: [comment, signUp] };
}

async function run(options: autocannonType.Options) {
  const { default: autocannon } = await import("autocannon");
  return autocannon(options);
}

// Reads run in a worker thread of their own: sharing one event loop with the writes' callbacks, their answers
// waited on the client's own turn and pages measured up to ten times slower than the server answered them.
async function runReads(kind: string, options: autocannonType.Options, acknowledged: Acknowledged) {
  const result = await run({ ...options, workers: 1 });
  for (const [status, { count }] of Object.entries(result.statusCodeStats ?? {})) {
    if (Number(status) >= 400) acknowledged.statuses[`${kind} ${status}`] = (acknowledged.statuses[`${kind} ${status}`] ?? 0) + Number(count);
  }
  return result;
}

function fiveHundreds(result: autocannonType.Result): number {
  return result["5xx"];
}

async function loadCurve(log: (message: string) => void): Promise<Row[]> {
  const setup = await prepare(log);
  const server = await startProductionServer(setup.url, log, { JOBS_ENABLED: "false", TRUSTED_PROXY_HOPS: "1", LOG_LEVEL: "warn" });
  const acknowledged: Acknowledged = { comments: [], signUps: [], statuses: {} };
  const rows: Row[] = [];
  try {
    const mix = mixedRequests({ baseUrl: server.baseUrl, pages: setup.pages, searches: setup.searches, sessions: setup.sessions }, setup.commentSlug, acknowledged);
    // The mix offered at a rate: each kind with enough connections that the rate, not the connection count, limits
    // what is sent.
    const offer = (rate: number) => {
      const options = (requests: autocannonType.Request[], share: number) => ({
        url: server.baseUrl,
        connections: Math.max(4, Math.ceil((rate * share) / 20)),
        overallRate: Math.max(1, Math.round(rate * share)),
        duration: LEVEL_SECONDS,
        requests,
      });
      return Promise.all([runReads("page", options(mix.pages, 0.8), acknowledged), runReads("search", options(mix.searches, 0.1), acknowledged), run(options(mix.writes, 0.1))]);
    };
    // Warm: the first level once, unmeasured, so every page is rendered and cached and the code for every kind of
    // request is loaded and compiled, as on a site that has been up a while.
    log("Warming up");
    await offer(RATES[0]!);
    let knee: number | undefined;
    for (const rate of RATES) {
      log(`${rate} requests/s offered for ${LEVEL_SECONDS} s`);
      const [pages, searches, writes] = await offer(rate);
      const all = [pages, searches, writes];
      const served = Math.round(all.reduce((sum, result) => sum + result.requests.average, 0));
      const failures = all.reduce((sum, result) => sum + fiveHundreds(result) + result.errors + result.timeouts, 0);
      const p99 = Math.max(pages.latency.p99, searches.latency.p99, writes.latency.p99);
      rows.push({
        name: `${rate} req/s offered: ${served} req/s served, ${failures} 5xx, errors or timeouts`,
        value: `p99 pages ${fmt(pages.latency.p99)}, searches ${fmt(searches.latency.p99)}, writes ${fmt(writes.latency.p99)}`,
        target: "no 5xx below the knee",
        pass: failures === 0,
      });
      if (p99 > KNEE_P99_MS) break;
      knee = served;
    }
    log(`Answers (writes, and pages and searches that failed): ${Object.entries(acknowledged.statuses).map(([key, count]) => `${key}: ${count}`).join(", ")}`);
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
  const acknowledged: Acknowledged = { comments: [], signUps: [], statuses: {} };
  try {
    const mix = mixedRequests({ baseUrl: server.baseUrl, pages: setup.pages, searches: setup.searches, sessions: setup.sessions }, setup.commentSlug, acknowledged);
    log(`The mix at ${FAULT_CONNECTIONS} connections for ${FAULT_SECONDS} s; Postgres stops at ${OUTAGE_AT_MS / 1000} s for ${OUTAGE_MS / 1000} s`);
    const other = Math.max(1, Math.round(FAULT_CONNECTIONS / 5));
    const load = Promise.all([
      runReads("page", { url: server.baseUrl, connections: FAULT_CONNECTIONS - 2 * other, duration: FAULT_SECONDS, requests: mix.pages, timeout: 10 }, acknowledged),
      runReads("search", { url: server.baseUrl, connections: other, duration: FAULT_SECONDS, requests: mix.searches, timeout: 10 }, acknowledged),
      run({ url: server.baseUrl, connections: other, duration: FAULT_SECONDS, requests: mix.writes, timeout: 10 }),
    ]);
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_AT_MS));
    const startAgain = await setup.restart();
    log("Postgres stopped");
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    await startAgain();
    const back = performance.now();
    log("Postgres started again");
    let servingAfterMs = Number.POSITIVE_INFINITY;
    for (;;) {
      const ready = await fetch(`${server.baseUrl}/api/ready`).then((response) => response.ok, () => false);
      if (ready) {
        servingAfterMs = performance.now() - back;
        break;
      }
      if (performance.now() - back > 30_000) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const results = await load;
    const sum = (pick: (result: autocannonType.Result) => number) => results.reduce((total, result) => total + pick(result), 0);
    const result = {
      total: sum((one) => one.requests.total),
      ok: sum((one) => one["2xx"]),
      client: sum((one) => one["4xx"]),
      server: sum(fiveHundreds),
      errors: sum((one) => one.errors),
      timeouts: sum((one) => one.timeouts),
    };
    log(`Answers (writes, and pages and searches that failed): ${Object.entries(acknowledged.statuses).map(([key, count]) => `${key}: ${count}`).join(", ")}`);
    const [storedComments, storedSignUps] = await Promise.all([
      prisma.comment.findMany({ where: { body: { startsWith: "Load comment " } }, select: { body: true } }),
      prisma.subscriber.findMany({ where: { email: { endsWith: "@load.example" } }, select: { email: true } }),
    ]);
    const count = (values: string[]) => values.reduce((map, value) => map.set(value, (map.get(value) ?? 0) + 1), new Map<string, number>());
    const comments = count(storedComments.map((row) => row.body));
    const signUps = count(storedSignUps.map((row) => row.email));
    const lostComments = acknowledged.comments.filter((body) => !comments.has(body)).length;
    const doubledComments = [...comments.values()].filter((times) => times > 1).length;
    const lostSignUps = acknowledged.signUps.filter((email) => !signUps.has(email)).length;
    const doubledSignUps = [...signUps.values()].filter((times) => times > 1).length;
    return [
      {
        name: `Requests during the run: ${result.total} (${result.ok} 2xx, ${result.client} 4xx, ${result.server} 5xx answered cleanly), ${result.errors} connection errors, ${result.timeouts} timeouts`,
        value: result.errors + result.timeouts === 0 ? "every request answered" : `${result.errors + result.timeouts} not answered`,
        target: "succeeds or fails cleanly",
        pass: result.errors + result.timeouts === 0,
      },
      { name: "Serving again after Postgres returned (/api/ready 200)", value: Number.isFinite(servingAfterMs) ? fmt(servingAfterMs) : "not within 30 s", target: `< ${BACK_WITHIN_MS / 1000} s`, pass: servingAfterMs < BACK_WITHIN_MS },
      {
        name: `Acknowledged comments (${acknowledged.comments.length}) and sign-ups (${acknowledged.signUps.length}) stored`,
        value: `${lostComments + lostSignUps} lost, ${doubledComments + doubledSignUps} doubled`,
        target: "none lost, none doubled",
        pass: lostComments + lostSignUps + doubledComments + doubledSignUps === 0,
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
