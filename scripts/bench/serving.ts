// Every public page through each front, side by side in one run: the built-in front of `npm start`, and nginx
// (deploy/nginx.conf, Debian's package) in front of two instances on one database; then the time from a comment
// posted on instance A to the page served by instance B showing it; then one instance behind nginx against two.
import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { createTemporaryDatabase } from "@/lib/database/admin";
import { freePort } from "@/lib/database/free-port";
import { migrateAndSeed } from "@/lib/site/launch";
import { newNonceMark } from "@/lib/security/content-security-policy";
import { startInstance, startNginx } from "../nginx";
import { fmt, percentile, signUpRequests, startProductionServer, type Row } from "./common";

const CONNECTIONS = 50;
const SECONDS_PER_PAGE = 4;
const WARM_SECONDS = 1;
const WRITE_SECONDS = 8;
const PROPAGATION_SAMPLES = 20;

type Autocannon = typeof import("autocannon");

async function publicPages(databaseUrl: string): Promise<Record<string, string>> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const one = async (sql: string) => (await client.query<{ slug: string }>(sql)).rows[0]?.slug ?? "missing";
    const episode = await one('SELECT slug FROM "Episode" ORDER BY "publishedAt" DESC LIMIT 1');
    const story = await one(`SELECT slug FROM "Story" WHERE status = 'PUBLISHED' ORDER BY "publishedAt" DESC LIMIT 1`);
    // The demo's stories carry no tags: one, so the tag page has something to list.
    await client.query(`INSERT INTO "Tag" (id, slug, name) VALUES ('bench-tag', 'bench', 'Bench') ON CONFLICT DO NOTHING`);
    await client.query(`INSERT INTO "StoryTag" ("storyId", "tagId") SELECT id, 'bench-tag' FROM "Story" WHERE slug = $1 ON CONFLICT DO NOTHING`, [story]);
    return {
      Home: "/",
      "Episode list": "/episodes",
      "Story list": "/stories",
      "Category page": `/stories/category/${await one('SELECT c.slug FROM "Category" c JOIN "StoryCategory" sc ON sc."categoryId" = c.id LIMIT 1')}`,
      "Tag page": `/stories/tag/${await one('SELECT t.slug FROM "Tag" t JOIN "StoryTag" st ON st."tagId" = t.id LIMIT 1')}`,
      "Episode page": `/episodes/${episode}`,
      "Transcript page": `/episodes/${episode}/transcript`,
      "Embeddable player": `/embed/episodes/${episode}`,
      "Story page": `/stories/${story}`,
      Search: "/search?q=bridge",
      "Podcast feed": `/shows/${await one('SELECT slug FROM "Show" LIMIT 1')}/feed.xml`,
      "Stories feed": "/stories/feed.xml",
      "JSON feed": "/feed.json",
      Sitemap: "/sitemap.xml",
    };
  } finally {
    await client.end();
  }
}

async function pageLoad(autocannon: Autocannon, baseUrl: string, path: string) {
  // Measured once warm, as listeners meet it: rendered, and the front's code compiled by V8 for this page's work.
  await autocannon({ url: `${baseUrl}${path}`, connections: CONNECTIONS, duration: WARM_SECONDS, workers: 1, headers: { "accept-encoding": "gzip, br" } });
  const result = await autocannon({
    url: `${baseUrl}${path}`,
    connections: CONNECTIONS,
    duration: SECONDS_PER_PAGE,
    workers: 1,
    headers: { "accept-encoding": "gzip, br" },
  });
  return { rps: result.requests.average, p99: result.latency.p99, failed: result.errors + result.timeouts + result.non2xx };
}

function pageRow(front: string, page: string, load: { rps: number; p99: number; failed: number }): Row {
  return {
    name: `${page} via ${front}${load.failed ? ` (${load.failed} failed)` : ""}`,
    value: `${Math.round(load.rps).toLocaleString("en")} req/s, p99 ${fmt(load.p99)}`,
    target: "≥ 1,500 req/s, p99 ≤ 75 ms",
    pass: load.rps >= 1500 && load.p99 <= 75 && load.failed === 0,
  };
}

/** Newsletter sign-ups, their mail kept; each run's visitors from a /16 of their own (signUpRequests). */
async function signUps(autocannon: Autocannon, baseUrl: string, network: number) {
  const result = await autocannon({ url: baseUrl, connections: CONNECTIONS, duration: WRITE_SECONDS, requests: signUpRequests(baseUrl, network) });
  return { rps: result.requests.average, failed: result.errors + result.timeouts + result.non2xx };
}

/** Posts a comment on A as a signed-in reader, then asks B for the page until it shows it: seconds, per sample. */
async function propagation(databaseUrl: string, episodePath: string, a: string, b: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const samples: number[] = [];
  try {
    for (let sample = 0; sample < PROPAGATION_SAMPLES; sample += 1) {
      // A reader of its own each time (the per-reader rate limit), signed in by a session row as next-auth keeps them.
      const token = randomBytes(24).toString("hex");
      const user = await client.query<{ id: string }>(`INSERT INTO "User" (id, email) VALUES ($1, $2) RETURNING id`, [
        `bench-${token.slice(0, 12)}`,
        `reader-${token.slice(0, 12)}@bench.example`,
      ]);
      await client.query(`INSERT INTO "Session" (id, "sessionToken", "userId", expires) VALUES ($1, $2, $3, now() + interval '1 day')`, [
        `s-${token.slice(0, 12)}`,
        token,
        user.rows[0]!.id,
      ]);
      await fetch(`${b}${episodePath}`).then((response) => response.arrayBuffer());
      const body = `Propagation sample ${sample} ${token.slice(0, 8)}`;
      const started = performance.now();
      const posted = await fetch(`${a}/api/comments`, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: `next-auth.session-token=${token}`,
          origin: a,
          "x-forwarded-for": `10.9.${sample}.1`,
        },
        body: new URLSearchParams({
          kind: "episode",
          slug: episodePath.split("/").at(-1)!,
          body,
          shownAt: String(Date.now() - 10_000),
          website: "",
        }).toString(),
      });
      if (posted.status !== 201) throw new Error(`posting a comment answered ${posted.status}: ${await posted.text()}`);
      while (!(await (await fetch(`${b}${episodePath}`)).text()).includes(body)) {
        if (performance.now() - started > 30_000) throw new Error("the comment did not show on the other instance within 30 s");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      samples.push(performance.now() - started);
    }
    return samples;
  } finally {
    await client.end();
  }
}

export async function servingBenchmarks(postgresServerUrl: string, log: (message: string) => void): Promise<Row[]> {
  const database = await createTemporaryDatabase(postgresServerUrl, "showfront_bench_serving");
  await migrateAndSeed(database.url, log, { seed: true });
  const pages = await publicPages(database.url);
  const { default: autocannon } = await import("autocannon");
  const rows: Row[] = [];
  // Mail stays in the database's outbox: an SMTP sink here would share this process's thread with the load generator.
  const mail = { SMTP_URL: "", COMMENTS_MODERATION: "all-approved" };

  log(`Every public page through the built-in front (npm start): ${CONNECTIONS} connections, ${SECONDS_PER_PAGE} s each`);
  const builtIn = await startProductionServer(database.url, log, { JOBS_ENABLED: "false", ...mail });
  const builtInLoads: Record<string, Awaited<ReturnType<typeof pageLoad>>> = {};
  try {
    for (const [page, address] of Object.entries(pages)) builtInLoads[page] = await pageLoad(autocannon, builtIn.baseUrl, address);
  } finally {
    builtIn.stop();
  }

  const nonceMark = newNonceMark();
  const nginxPort = await freePort();
  const siteUrl = `http://127.0.0.1:${nginxPort}`;
  // Two hops trusted: the benchmark's client stands for a CDN's, its X-Forwarded-For a visitor of its own each.
  const instances: { port: number; process: ChildProcess }[] = [];
  for (let count = 0; count < 2; count += 1) {
    const port = await freePort();
    instances.push({
      port,
      process: await startInstance({ port, databaseUrl: database.url, siteUrl, nonceMark, env: { JOBS_ENABLED: "false", TRUSTED_PROXY_HOPS: "2", ...mail } }),
    });
  }
  const [a, b] = instances.map((instance) => `http://127.0.0.1:${instance.port}`) as [string, string];
  try {
    log("Every public page through nginx in front of two instances");
    const both = await startNginx({ port: nginxPort, upstreams: instances.map((instance) => `127.0.0.1:${instance.port}`), nonceMark });
    const nginxLoads: Record<string, Awaited<ReturnType<typeof pageLoad>>> = {};
    try {
      for (const [page, address] of Object.entries(pages)) nginxLoads[page] = await pageLoad(autocannon, siteUrl, address);
    } finally {
      await both.stop();
    }
    for (const page of Object.keys(pages))
      rows.push(pageRow("the built-in front", page, builtInLoads[page]!), pageRow("nginx, two instances", page, nginxLoads[page]!));

    log(`A comment posted on instance A, until instance B serves it (${PROPAGATION_SAMPLES} times)`);
    const samples = await propagation(database.url, pages["Episode page"]!, a, b);
    rows.push({
      name: `A comment posted on instance A until the page served by instance B shows it (${PROPAGATION_SAMPLES} samples; B had the page cached)`,
      value: `p50 ${fmt(percentile(samples, 50))}, p99 ${fmt(percentile(samples, 99))}`,
      target: "p99 ≤ 1.5 s",
      pass: percentile(samples, 99) <= 1500,
    });

    // One instance against two, in turn and twice each: what runs first or later meets a different machine.
    log("Pages and sign-ups through nginx: one instance and two, in turn");
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const compared = { Home: { one: [] as number[], two: [] as number[] }, "Episode page": { one: [] as number[], two: [] as number[] } };
    const writes = { one: [] as number[], two: [] as number[], failed: 0 };
    for (let round = 0; round < 2; round += 1) {
      for (const size of ["one", "two"] as const) {
        const front = await startNginx({
          port: nginxPort,
          upstreams: instances.slice(0, size === "one" ? 1 : 2).map((instance) => `127.0.0.1:${instance.port}`),
          nonceMark,
        });
        try {
          for (const page of ["Home", "Episode page"] as const) compared[page][size].push((await pageLoad(autocannon, siteUrl, pages[page]!)).rps);
          const result = await signUps(autocannon, siteUrl, round * 2 + (size === "one" ? 1 : 2));
          writes[size].push(result.rps);
          writes.failed += result.failed;
        } finally {
          await front.stop();
        }
      }
    }
    for (const [page, loads] of Object.entries(compared)) {
      rows.push({
        name: `${page} via nginx: one instance against two (in turn, twice each)`,
        value: `${Math.round(mean(loads.one)).toLocaleString("en")} against ${Math.round(mean(loads.two)).toLocaleString("en")} req/s`,
        target: "two ≥ one (within noise)",
        pass: mean(loads.two) >= mean(loads.one) * 0.9,
      });
    }
    rows.push({
      name: `Newsletter sign-ups via nginx (writes, a mail kept for each), ${CONNECTIONS} connections, ${WRITE_SECONDS} s × 2 each, in turn: one instance against two on the same 2 cores${writes.failed ? ` (${writes.failed} failed)` : ""}`,
      value: `${Math.round(mean(writes.one))} against ${Math.round(mean(writes.two))} req/s`,
      target: "two > one",
      pass: mean(writes.two) > mean(writes.one),
    });
  } finally {
    for (const instance of instances) instance.process.kill("SIGTERM");
  }
  rows.push({
    name: "A stock WordPress on the same machine",
    value: "not run (no WordPress on this machine; issue 16's table has its numbers from an earlier run)",
    target: "—",
    pass: undefined,
  });
  return rows;
}
