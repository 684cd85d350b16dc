// Background jobs through pg-boss: a queue kept in Postgres (schema "pgboss"), so any number of app instances
// share it and each job runs once. pg-boss 10 is the last line that supports Node 20; see docs/decisions/0004.
import "server-only";
import PgBoss from "pg-boss";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { afterImport } from "@/lib/feeds/pipeline";
import { keepParseWorkerWarm } from "@/lib/feeds/parse-worker-client";
import { syncDueSources, syncFeedSource } from "@/lib/feeds/sync";
import { siteMailer } from "@/lib/mail/mailer";
import { rollUpAndForget } from "@/lib/analytics/rollup";
import { runNewsletterSchedule, scheduleNow } from "@/lib/newsletter/automation";
import { sendIssue } from "@/lib/newsletter/issues";
import { indexAllEpisodesForSearch, refreshSearchTerms } from "@/lib/search/indexing";
import { pruneRateLimits } from "@/lib/http/rate-limit";
import { markWxrImportQueued, runWxrImport } from "@/lib/stories/wxr-import";

export const JOBS = {
  /** Every few minutes: sync the sources whose interval has passed. */
  syncDueFeeds: "feeds.sync-due",
  /** One source now (the admin's "Sync now"); one job per source at a time. */
  syncFeedSource: "feeds.sync-source",
  /** After syncs: fetch the chapters files and transcripts of new and changed episodes, a batch at a time. */
  fetchExtras: "feeds.fetch-extras",
  /** After syncs and transcript fetches: write the search vectors of new and changed episodes. */
  indexSearch: "search.index-episodes",
  /** Send (or resume sending) one newsletter issue. */
  sendNewsletter: "newsletter.send-issue",
  /** Every NEWSLETTER_CHECK_SECONDS: announce new episodes whose wait is over; send the weekly digest in its hour. */
  newsletterSchedule: "newsletter.schedule",
  /** Every ANALYTICS_ROLLUP_SECONDS: roll raw listening events up into hourly and daily counts; forget old ones. */
  analyticsRollup: "analytics.roll-up",
  /** Import a WordPress export the admin confirmed after its dry run. */
  importWordPress: "stories.import-wordpress",
  /** Daily: forget rate-limit windows long past. */
  pruneRateLimits: "maintenance.prune-rate-limits",
} as const;

const DUE_CHECK_CRON = "*/5 * * * *";
// How soon a queued "sync now" starts.
const POLL_SECONDS = 1;

const globalForJobs = globalThis as unknown as { showfrontJobs?: Promise<PgBoss> };

// Processes of one site starting together (WEB_CONCURRENCY) create pg-boss's schema and queues at the same moment,
// and Postgres breaks the deadlock that makes by failing one of them: that one starts again.
const START_ATTEMPTS = 4;
const DEADLOCK = "40P01";

export async function startJobs(databaseUrl: string, log: (message: string) => void = console.info): Promise<PgBoss> {
  for (let attempt = 1; ; attempt += 1) {
    const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", application_name: "showfront-jobs" });
    boss.on("error", (error) => log(`Background jobs: ${error.message}`));
    try {
      await startWorkers(boss);
      keepParseWorkerWarm();
      log("Background jobs started (feed sync, newsletter)");
      return boss;
    } catch (error) {
      await boss.stop({ graceful: false, wait: true }).catch(() => {});
      if ((error as { code?: string }).code !== DEADLOCK || attempt === START_ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, attempt * 100 + Math.random() * 200));
    }
  }
}

async function startWorkers(boss: PgBoss): Promise<void> {
  await boss.start();
  await boss.createQueue(JOBS.syncDueFeeds, { name: JOBS.syncDueFeeds, policy: "singleton" });
  await boss.createQueue(JOBS.syncFeedSource, { name: JOBS.syncFeedSource, policy: "stately" });
  await boss.createQueue(JOBS.fetchExtras, { name: JOBS.fetchExtras, policy: "singleton" });
  await boss.schedule(JOBS.syncDueFeeds, DUE_CHECK_CRON);
  await boss.work(JOBS.syncDueFeeds, { pollingIntervalSeconds: POLL_SECONDS }, async () => {
    await syncDueSources(getEnv().FEEDS_SYNC_INTERVAL_MINUTES);
    await boss.send(JOBS.fetchExtras, {});
    await boss.send(JOBS.indexSearch, {});
  });
  await boss.work<{ sourceId: string }>(JOBS.syncFeedSource, { pollingIntervalSeconds: POLL_SECONDS }, async ([job]) => {
    if (job) await syncFeedSource(job.data.sourceId, { trigger: "MANUAL" });
    await boss.send(JOBS.fetchExtras, {});
    await boss.send(JOBS.indexSearch, {});
  });
  await boss.work(JOBS.fetchExtras, { pollingIntervalSeconds: POLL_SECONDS }, async () => {
    const { remaining } = await afterImport({}, { batches: 1 });
    // A big back catalogue is read a batch per job, so one slow host never holds the queue for long.
    if (remaining > 0) await boss.send(JOBS.fetchExtras, {}, { startAfter: 5 });
  });
  await boss.createQueue(JOBS.indexSearch, { name: JOBS.indexSearch, policy: "singleton" });
  await boss.work<{ refreshTerms?: boolean }>(JOBS.indexSearch, { pollingIntervalSeconds: POLL_SECONDS }, async ([job]) => {
    // Indexing refreshes the word counts when it wrote something; a story edit asks for them anyway.
    if ((await indexAllEpisodesForSearch()) === 0 && job?.data?.refreshTerms) await refreshSearchTerms();
  });
  await boss.createQueue(JOBS.sendNewsletter, { name: JOBS.sendNewsletter, policy: "stately" });
  await boss.work<{ issueId: string }>(JOBS.sendNewsletter, { pollingIntervalSeconds: POLL_SECONDS }, async ([job]) => {
    if (!job) return;
    const outcome = await sendIssue(job.data.issueId, { mailer: siteMailer() });
    // Failed deliveries wait for their retry time; a send another instance holds is checked again when its lease
    // would have run out, so an issue whose sender died is always taken over.
    if (outcome.status === "waiting") await boss.send(JOBS.sendNewsletter, job.data, { startAfter: outcome.retryAt, singletonKey: job.data.issueId });
    if (outcome.status === "busy") await boss.send(JOBS.sendNewsletter, job.data, { startAfter: 150, singletonKey: job.data.issueId });
  });
  // The look at the schedule queues the next one itself: one waits and one runs at most, however many instances.
  await boss.createQueue(JOBS.newsletterSchedule, { name: JOBS.newsletterSchedule, policy: "stately" });
  await boss.work(JOBS.newsletterSchedule, { pollingIntervalSeconds: POLL_SECONDS }, async () => {
    try {
      await runNewsletterSchedule(scheduleNow(), (issueId) => boss.send(JOBS.sendNewsletter, { issueId }, { singletonKey: issueId }).then(() => undefined));
    } finally {
      await boss.send(JOBS.newsletterSchedule, {}, { startAfter: getEnv().NEWSLETTER_CHECK_SECONDS });
    }
  });
  await boss.send(JOBS.newsletterSchedule, {});
  await boss.createQueue(JOBS.analyticsRollup, { name: JOBS.analyticsRollup, policy: "stately" });
  await boss.work(JOBS.analyticsRollup, { pollingIntervalSeconds: POLL_SECONDS }, async () => {
    try {
      await rollUpAndForget();
    } finally {
      await boss.send(JOBS.analyticsRollup, {}, { startAfter: getEnv().ANALYTICS_ROLLUP_SECONDS });
    }
  });
  await boss.send(JOBS.analyticsRollup, {});
  await boss.createQueue(JOBS.importWordPress, { name: JOBS.importWordPress, policy: "stately" });
  await boss.work<{ importId: string }>(JOBS.importWordPress, { pollingIntervalSeconds: POLL_SECONDS }, async ([job]) => {
    if (job) await runWxrImport(job.data.importId);
  });
  await boss.createQueue(JOBS.pruneRateLimits, { name: JOBS.pruneRateLimits, policy: "singleton" });
  await boss.schedule(JOBS.pruneRateLimits, "17 4 * * *");
  await boss.work(JOBS.pruneRateLimits, async () => {
    await pruneRateLimits();
  });
}

/** Starts the jobs once per server process; a failure is logged and the site keeps serving. */
export function startJobsOnce(): Promise<PgBoss> | undefined {
  const env = getEnv();
  if (!env.JOBS_ENABLED || !env.DATABASE_URL) return undefined;
  globalForJobs.showfrontJobs ??= startJobs(env.DATABASE_URL).catch((error: Error) => {
    globalForJobs.showfrontJobs = undefined;
    console.error(`Background jobs did not start: ${error.message}`);
    throw error;
  });
  return globalForJobs.showfrontJobs;
}

/** Queues a sync of one source now; a second request while one waits is dropped by the queue's policy. */
export async function requestSourceSync(sourceId: string): Promise<void> {
  const boss = await startJobsOnce();
  if (!boss) throw new AppError("unavailable", "Background jobs are disabled (JOBS_ENABLED=false).");
  await boss.send(JOBS.syncFeedSource, { sourceId }, { singletonKey: sourceId });
}

// What an admin waits for after adding or syncing a source: a first small batch of extras and the search index.
const BATCH_WHILE_WAITING = 20;

/** The after-import steps for a sync a person started: a first batch now, the rest by the background jobs. */
export async function afterImportNow(scope: { sourceId?: string; showId?: string }): Promise<void> {
  const { remaining } = await afterImport(scope, { batches: 1, batchSize: BATCH_WHILE_WAITING });
  const boss = remaining > 0 ? await startJobsOnce() : undefined;
  if (boss) await boss.send(JOBS.fetchExtras, {});
}

/** Queues the sending of a newsletter issue; the admin's "Send" and "Resume". */
export async function requestIssueSend(issueId: string): Promise<void> {
  const boss = await startJobsOnce();
  if (!boss) throw new AppError("unavailable", "Background jobs are disabled (JOBS_ENABLED=false): newsletters are sent by them.");
  await boss.send(JOBS.sendNewsletter, { issueId }, { singletonKey: issueId });
}

/** Imports a staged WordPress export: in a job when jobs run, else while the admin waits. */
export async function requestWxrImport(importId: string): Promise<void> {
  await markWxrImportQueued(importId);
  const boss = await startJobsOnce();
  if (boss) await boss.send(JOBS.importWordPress, { importId }, { singletonKey: importId });
  else await runWxrImport(importId);
}

/** After stories change: the word counts related lists use, refreshed in the background (inline without jobs). */
export async function requestSearchTermsRefresh(): Promise<void> {
  const boss = await startJobsOnce();
  if (boss) await boss.send(JOBS.indexSearch, { refreshTerms: true });
  else await refreshSearchTerms();
}

export async function stopJobs(): Promise<void> {
  const running = globalForJobs.showfrontJobs;
  globalForJobs.showfrontJobs = undefined;
  if (running) await (await running).stop({ graceful: true, wait: true, timeout: 10_000 });
}
