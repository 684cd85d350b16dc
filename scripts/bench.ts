// `npm run bench [-- --only feeds|pages|search|newsletter|comments|stories|serving|analytics]`: measures what the issues set speed targets for and writes
// docs/BENCHMARKS.md. Everything runs on this machine: an embedded PostgreSQL (durable, as in development), the
// production build, and feeds served from 127.0.0.1.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { analyticsBenchmarks } from "./bench/analytics";
import { table, type Row } from "./bench/common";
import { commentBenchmarks } from "./bench/comments";
import { episodePageBenchmarks } from "./bench/episode-page";
import { feedImportBenchmarks } from "./bench/feed-import";
import { newsletterBenchmarks } from "./bench/newsletter";
import { searchAndFeedBenchmarks } from "./bench/search-feeds";
import { servingBenchmarks } from "./bench/serving";
import { storyBenchmarks } from "./bench/stories";
import { runCli } from "./cli";

const REPORT = "docs/BENCHMARKS.md";

const SECTIONS = {
  feeds: {
    title: "Feed import (issue: pull episodes from the audio platforms' feeds)",
    about: `The page rows are the site as \`npm start\` runs it (Next behind the edge cache) answering 8 concurrent clients
for 200 episode pages, most requested for the first time (so rendered then), while that same server imports a
feed through its job queue. "Within 2× idle" is our reading of "page requests keep their latency". On this 2-core
machine the parse worker, PostgreSQL and Next.js compete for the same cores during a big import; the event-loop
rows show the server's own thread stays free.`,
    run: feedImportBenchmarks,
  },
  pages: {
    title: "Episode pages (issue: episode pages and a player that keeps playing)",
    about: `A 2,000-episode show (every episode with a 400-line transcript) and 30 stories on the production build.
The site runs as \`npm start\` runs it: Next (episode pages cached by ISR) behind the built-in edge cache
(EDGE_CACHE_SECONDS=30, docs/decisions/0005). The load rows measure what listeners get once a page has rendered,
autocannon cycling through the newest 100 episodes. The load generator runs on the same 2 cores as the server and database.
JavaScript is what the page's script tags load, gzipped. Lighthouse runs its default mobile profile (a mid-range
phone on throttled 4G, simulated) in the system's headless Chromium.`,
    run: episodePageBenchmarks,
  },
  search: {
    title: "Search and feeds out (issue: search, feeds out, and everything that brings listeners in)",
    about: `Library calls on the embedded database (no HTTP): full results as the search page shows them (ranked hits,
snippets, transcript moments), and the podcast feed as /shows/<slug>/feed.xml builds it. Search uses the
generated, GIN-indexed search vectors (docs/decisions/0006).`,
    run: searchAndFeedBenchmarks,
  },
  newsletter: {
    title: "Newsletter (issue: a newsletter a listener can trust)",
    about: `The sign-up endpoint on the production build (Next behind the edge cache, confirmation mails going out over
SMTP after each answer), driven by autocannon from the same 2 cores; each request is a new address from a different
visitor (X-Forwarded-For behind one trusted proxy, TRUSTED_PROXY_HOPS=1), so the per-network limit is not what is
measured. Then one issue sent by the library's sender (10 at a time over 5 pooled SMTP connections) to a local
smtp-server sink that accepts and counts.`,
    run: newsletterBenchmarks,
  },
  comments: {
    title: "Comments (issue: accounts and comments)",
    about: `Posting is measured on the library (the function the server action calls: session user, rate limits, judging,
insert) with 50 people posting at once against the embedded database; the server action adds only form parsing.
The page row is the production build rendering an episode page whose thread has 500 comments (the page renders the
first 20 threads, then reads the thread fresh from /api/comments when it comes near).`,
    run: commentBenchmarks,
  },
  stories: {
    title: "Stories (issue: stories, full-text articles, WordPress import)",
    about: `Library calls on the embedded database: both related lists of an item (as its page asks for them) on the
search section's corpus, 5,000 episodes with transcripts and 10,000 stories; and a generated WordPress export read,
reported and imported, then imported again.`,
    run: storyBenchmarks,
  },
  serving: {
    title: "Serving (issue: every page fast, on any number of hosts, behind a standard front)",
    about: `The demo show on the production build, every public page in turn, side by side in one run: through the built-in
front of \`npm start\` (two Next processes), and through Debian's nginx with deploy/nginx.conf in front of two
instances (\`npm start\` with BUILT_IN_FRONT=false) on one database. autocannon, 50 connections, gzip/br accepted,
on the same 2 cores as the servers, nginx and the database. Fronts keep a page 1 s; Next's cache keeps it until a
change invalidates it (docs/decisions/0012). Then a comment posted on one instance until the other serves it, and one
instance behind nginx against two.`,
    run: servingBenchmarks,
  },
  analytics: {
    title: "Analytics (issue: listening analytics without tracking anyone)",
    about: `The production build (\`npm start\`: two Next processes behind the built-in front, which answers /api/events itself)
on a 100-episode show. Episode pages requested 100 a second alone; beside the same beacons from a crawler (answered, not
counted: what the requests cost by themselves); and beside beacons from a browser at 125 a second (20 events each: a
view, a play, 17 heard stretches, a quartile; every beacon a visitor of its own behind one trusted proxy), 2,500 events
a second. Five rounds of the three in turn, each 10 s, open-loop (requests at random moments at a steady rate, each
kind from a process of its own, scripts/bench/open-loop.ts); the p99 rows are the medians of the rounds' p99. Events
are counted in memory and written in batches (lib/analytics/ingest.ts); the rows are counted in the database
afterwards. Generators, front, Next processes and PostgreSQL share the same 2 cores.`,
    run: analyticsBenchmarks,
  },
} as const;

type SectionName = keyof typeof SECTIONS;

// A section not run this time keeps its last table.
async function previousSections(): Promise<Partial<Record<SectionName, string>>> {
  if (!existsSync(REPORT)) return {};
  const text = await readFile(REPORT, "utf8");
  return Object.fromEntries(
    Object.entries(SECTIONS).flatMap(([name, section]) => {
      const start = text.indexOf(`## ${section.title}`);
      if (start < 0) return [];
      const next = text.indexOf("\n## ", start + 1);
      return [[name, text.slice(start, next < 0 ? undefined : next).trim()]];
    }),
  );
}

runCli(async (log) => {
  const { values } = parseArgs({ options: { only: { type: "string" } } });
  const only = z
    .enum(Object.keys(SECTIONS) as [SectionName, ...SectionName[]], {
      error: "--only must be feeds, pages, search, newsletter, comments, stories, serving or analytics",
    })
    .optional()
    .parse(values.only);
  const names = only ? [only] : (Object.keys(SECTIONS) as SectionName[]);
  const sections = await previousSections();

  const folder = await mkdtemp(path.join(tmpdir(), "showfront-bench-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(folder, "data"), ephemeral: true });
  try {
    for (const name of names) {
      const section = SECTIONS[name];
      const rows: Row[] = await section.run(server.serverUrl, log);
      sections[name] = `## ${section.title}\n\n- Measured: ${new Date().toISOString()}\n\n${section.about}\n\n${table(rows)}`;
    }
  } finally {
    await server.stop();
    await rm(folder, { recursive: true, force: true });
  }

  const cpu = cpus()[0]?.model ?? "unknown CPU";
  const report = `# Benchmarks

Written by \`npm run bench\` (scripts/bench.ts; \`-- --only feeds\`, \`pages\`, \`search\`, \`newsletter\`, \`comments\`, \`stories\` or \`serving\` re-runs one section). The
tables say plainly what misses its target. The site under a mixed audience, under faults and under fuzzing:
docs/RELIABILITY.md (\`npm run bench:load\`, \`npm run test:faults\`, \`npm run fuzz\`).

- Machine: ${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Node ${process.version}
- Database: embedded PostgreSQL 18, durable settings, on the same machine
- Feeds: served from 127.0.0.1 by the benchmark itself

${(Object.keys(SECTIONS) as SectionName[]).flatMap((name) => sections[name] ?? []).join("\n\n")}
`;
  await writeFile(REPORT, report);
  process.stdout.write(`\n${report}\n`);
  return 0;
});
