import { afterAll, beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import { prisma } from "@/lib/db";
import { addFeedSource, syncDueSources } from "@/lib/feeds/sync";
import { requestSourceSync, startJobs, startJobsOnce, stopJobs } from "@/lib/jobs";
import { resetDatabase } from "../setup/database";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();
// This file is about the job queue itself (tests/setup/worker-database.ts turns jobs off for the others).
process.env.JOBS_ENABLED = "true";

const demoFeed = readFileSync(path.resolve("lib/demo/content/long-signal.xml"), "utf8");

// After stop() resolves, pg-boss's workers finish the poll they are in, and its manager checks on them once a
// second until all have stopped; were this file's module registry torn down meanwhile, that check would fail the
// next file in this Jest worker ("Cannot destructure property 'setTimeout'"). So: wait until no pg-boss connection
// is left (every worker out of its loop), then past the manager's next check.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const MANAGER_CHECK_MS = 1000;

afterAll(async () => {
  await stopJobs();
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const [open] = await prisma.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM pg_stat_activity WHERE application_name = 'showfront-jobs'`;
    if (open!.count === 0n) break;
    await sleep(500);
  }
  await sleep(MANAGER_CHECK_MS * 2.5);
});
beforeEach(async () => {
  await resetDatabase();
  server.routes.set("/feed.xml", { body: demoFeed });
});

async function waitFor<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("scheduled feed sync", () => {
  it("syncs the sources whose interval has passed, and only those", async () => {
    const { source } = await addFeedSource({ url: server.url("/feed.xml"), kind: "PODCAST" });
    expect(await syncDueSources(30)).toEqual([]);
    await prisma.feedSource.update({ where: { id: source.id }, data: { lastFetchedAt: new Date(Date.now() - 31 * 60_000) } });
    expect(await syncDueSources(30)).toEqual([expect.objectContaining({ sourceId: source.id, status: "UNCHANGED" })]);
  });

  it("runs a requested sync through the Postgres job queue", async () => {
    const { source } = await addFeedSource({ url: server.url("/feed.xml"), kind: "PODCAST" });
    await startJobsOnce();
    await requestSourceSync(source.id);
    const runs = await waitFor(async () => {
      const count = await prisma.syncRun.count({ where: { sourceId: source.id } });
      return count >= 2 ? count : undefined;
    });
    expect(runs).toBe(2);
  });
});

describe("starting", () => {
  it("starts in every process of a site started at once on a new database (Postgres fails one of them with a deadlock)", async () => {
    await stopJobs();
    await prisma.$executeRawUnsafe("DROP SCHEMA IF EXISTS pgboss CASCADE");
    const started = await Promise.allSettled([startJobs(process.env.DATABASE_URL!, () => {}), startJobs(process.env.DATABASE_URL!, () => {})]);
    for (const result of started) if (result.status === "fulfilled") await result.value.stop({ graceful: true, wait: true, timeout: 10_000 });
    expect(started.map((result) => (result.status === "fulfilled" ? "started" : (result.reason as Error).message))).toEqual(["started", "started"]);
  });
});
