// The newsletter: the sign-up endpoint of the production build under 100 concurrent clients (each a different
// visitor behind one trusted proxy, so the per-network limit sees 100 networks), and an issue sent to 50,000
// subscribers through SMTP into a local mail sink.
import { performance } from "node:perf_hooks";
import { createTemporaryDatabase } from "@/lib/database/admin";
import { applyMigrations } from "@/lib/database/migrations";
import { prisma, setDatabaseUrl } from "@/lib/db";
import { smtpMailer } from "@/lib/mail/mailer";
import { composeIssue, deliveryCounts, sendIssue } from "@/lib/newsletter/issues";
import { startSmtpSink } from "../../tests/setup/smtp-sink";
import { fmt, signUpRequests, startProductionServer, type Row } from "./common";

const CONNECTIONS = 100;
const DURATION_SECONDS = 10;
const SUBSCRIBERS = 50_000;

async function seedSubscribers(log: (message: string) => void) {
  log(`Adding ${SUBSCRIBERS.toLocaleString("en")} confirmed subscribers and something to send`);
  const now = new Date();
  for (let start = 0; start < SUBSCRIBERS; start += 5000) {
    await prisma.subscriber.createMany({
      data: Array.from({ length: 5000 }, (_, offset) => ({
        email: `reader${start + offset}@bench.example`,
        name: `Reader ${start + offset}`,
        status: "CONFIRMED" as const,
        consentText: "bench",
        consentAt: now,
        consentSource: "/",
        consentMethod: "FORM" as const,
        confirmedAt: now,
      })),
    });
  }
  const show = await prisma.show.create({ data: { slug: "bench-show", title: "Bench Show" } });
  for (let index = 0; index < 5; index += 1) {
    await prisma.episode.create({
      data: {
        showId: show.id,
        guid: `bench-${index}`,
        slug: `bench-${index}`,
        title: `Bench episode ${index}`,
        summary: "What happened this week.",
        publishedAt: new Date(now.getTime() - index * 3_600_000),
      },
    });
  }
}

export async function newsletterBenchmarks(postgresServerUrl: string, log: (message: string) => void): Promise<Row[]> {
  const database = await createTemporaryDatabase(postgresServerUrl, "showfront_bench_newsletter");
  await applyMigrations(database.url);
  const sink = await startSmtpSink({ countOnly: true });
  try {
    const server = await startProductionServer(database.url, log, { JOBS_ENABLED: "false", SMTP_URL: sink.url, TRUSTED_PROXY_HOPS: "1" });
    let signUps;
    try {
      log(`Sign-ups: ${CONNECTIONS} connections for ${DURATION_SECONDS} s, a new address each`);
      const { default: autocannon } = await import("autocannon");
      signUps = await autocannon({
        url: server.baseUrl,
        connections: CONNECTIONS,
        duration: DURATION_SECONDS,
        requests: signUpRequests(server.baseUrl),
      });
    } finally {
      server.stop();
    }
    const failures = signUps.errors + signUps.timeouts + signUps.non2xx;

    setDatabaseUrl(database.url);
    await prisma.subscriber.deleteMany();
    await seedSubscribers(log);
    const { id } = await composeIssue("DIGEST");
    log(`Sending the issue to ${SUBSCRIBERS.toLocaleString("en")} subscribers`);
    const mailer = smtpMailer(sink.url, { from: "news@bench.example" });
    // Confirmation mails from the sign-ups above may still be arriving from the stopped server: count from here.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const accepted = sink.accepted;
    const started = performance.now();
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 250);
    const outcome = await sendIssue(id, { mailer }).finally(() => clearInterval(sampler));
    const seconds = (performance.now() - started) / 1000;
    mailer.close();
    const counts = await deliveryCounts(id);
    const delivered = sink.accepted - accepted;

    return [
      {
        name: `Sign-up endpoint, ${CONNECTIONS} concurrent clients, ${DURATION_SECONDS} s (${signUps.requests.total} sign-ups, ${failures} failed)`,
        value: `${Math.round(signUps.requests.average)} req/s, p50 / p99 ${fmt(signUps.latency.p50)} / ${fmt(signUps.latency.p99)}`,
        target: "zero errors",
        pass: failures === 0,
      },
      {
        name: `Issue sent to ${SUBSCRIBERS.toLocaleString("en")} subscribers over SMTP into a local sink (${counts.SENT} marked sent, ${delivered} received by the sink, ${counts.FAILED + counts.UNCERTAIN} not sent)`,
        value: `${Math.round(delivered / seconds)} messages/s (${seconds.toFixed(1)} s)`,
        target: "all sent, none twice",
        pass: outcome.status === "sent" && counts.SENT === SUBSCRIBERS && delivered === SUBSCRIBERS,
      },
      { name: "Peak memory of the sending process", value: `${Math.round(peakRss / 1024 / 1024)} MB RSS`, target: "—", pass: undefined },
    ];
  } finally {
    await prisma.$disconnect();
    await sink.close();
  }
}
