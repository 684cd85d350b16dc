// Comments: 50 people posting at once (library calls on the embedded database: the server action adds only its
// form parsing), and an episode page carrying 500 comments on the production build.
import { performance } from "node:perf_hooks";
import type { Viewer } from "@/lib/auth/session";
import { postComment } from "@/lib/comments/comments";
import { AppError } from "@/lib/errors";
import { createTemporaryDatabase } from "@/lib/database/admin";
import { applyMigrations } from "@/lib/database/migrations";
import { prisma, setDatabaseUrl } from "@/lib/db";
import { fmt, percentile, startProductionServer, type Row } from "./common";

const POSTERS = 50;
const POSTS_EACH = 5;
const PAGE_COMMENTS = 500;

async function seed(log: (message: string) => void) {
  log(`Seeding an episode, ${POSTERS} commenters in good standing and a second episode with ${PAGE_COMMENTS} comments`);
  const show = await prisma.show.create({ data: { slug: "bench-show", title: "Bench Show" } });
  const [posting, busy] = await Promise.all(
    ["bench-posting", "bench-busy"].map((slug) =>
      prisma.episode.create({
        data: { showId: show.id, guid: slug, slug, title: `Episode ${slug}`, summary: "An episode people talk about.", publishedAt: new Date() },
      }),
    ),
  );
  await prisma.user.createMany({ data: Array.from({ length: POSTERS }, (_, index) => ({ email: `poster${index}@bench.example`, name: `Poster ${index}` })) });
  const users = await prisma.user.findMany({ select: { id: true, email: true, name: true } });
  // One approved comment each, so the first-comment rule does not hold what they post now.
  await prisma.comment.createMany({
    data: users.map((user) => ({ episodeId: busy!.id, authorId: user.id, body: "An earlier comment.", status: "APPROVED" as const })),
  });
  await prisma.comment.createMany({
    data: Array.from({ length: PAGE_COMMENTS - users.length }, (_, index) => ({
      episodeId: busy!.id,
      authorId: users[index % users.length]!.id,
      body: `Comment ${index}: what I liked about this one, and a question for the host about https://example.org/${index}.`,
      status: "APPROVED" as const,
      likeCount: index % 7,
    })),
  });
  return { users, postingSlug: posting!.slug, busySlug: busy!.slug };
}

export async function commentBenchmarks(postgresServerUrl: string, log: (message: string) => void): Promise<Row[]> {
  const database = await createTemporaryDatabase(postgresServerUrl, "showfront_bench_comments");
  await applyMigrations(database.url);
  setDatabaseUrl(database.url);
  const { users, postingSlug, busySlug } = await seed(log);

  log(`${POSTERS} people posting ${POSTS_EACH} comments each, all at once`);
  const latencies: number[] = [];
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    users.map(async (user, index) => {
      const viewer: Viewer = { id: user.id, name: user.name!, email: user.email!, role: "READER", banned: false, nameChosen: true };
      for (let post = 0; post < POSTS_EACH; post += 1) {
        const begun = performance.now();
        try {
          const input = {
            target: { kind: "episode" as const, slug: postingSlug },
            body: `Post ${post} from poster ${index}: a fair point.`,
            website: "",
            shownAt: 0,
          };
          await postComment(viewer, input, `10.0.${index >> 8}.${index & 255}`);
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          failures += 1;
        }
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const stored = await prisma.comment.count({ where: { episode: { slug: postingSlug } } });
  await prisma.$disconnect();

  const server = await startProductionServer(database.url, log, { JOBS_ENABLED: "false" });
  try {
    log(`The episode page with ${PAGE_COMMENTS} comments: its first render, then the thread as the page reads it`);
    const pageStarted = performance.now();
    const page = await fetch(`${server.baseUrl}/episodes/${busySlug}`);
    const html = await page.text();
    const firstRender = performance.now() - pageStarted;
    const threadTimes: number[] = [];
    for (let run = 0; run < 20; run += 1) {
      const begun = performance.now();
      await (await fetch(`${server.baseUrl}/api/comments?kind=episode&slug=${busySlug}&order=top`)).json();
      threadTimes.push(performance.now() - begun);
    }
    return [
      {
        name: `Posting: ${POSTERS} people × ${POSTS_EACH} comments at once (${latencies.length} posts, ${failures} refused, ${stored} stored, ${Math.round(latencies.length / seconds)} posts/s)`,
        value: `p50 ${fmt(percentile(latencies, 50))} / p99 ${fmt(percentile(latencies, 99))}`,
        target: "zero errors",
        pass: failures === 0 && stored === latencies.length,
      },
      {
        name: `Episode page with ${PAGE_COMMENTS} comments: first render on the production build (${(html.length / 1024).toFixed(0)} KB, status ${page.status})`,
        value: fmt(firstRender),
        target: "—",
        pass: undefined,
      },
      {
        name: "The thread as the page reads it when it comes near (/api/comments, most liked first): p50 / p99 of 20",
        value: `${fmt(percentile(threadTimes, 50))} / ${fmt(percentile(threadTimes, 99))}`,
        target: "—",
        pass: undefined,
      },
    ];
  } finally {
    server.stop();
  }
}
