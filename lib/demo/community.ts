// The demo's people: readers who comment and like, one comment waiting for a moderator, newsletter subscribers with
// one issue sent (to the outbox, never to a mail server), and the producer's admin account the README names.
import "server-only";
import { prisma } from "@/lib/db";
import { outboxMailer } from "@/lib/mail/mailer";
import { importSubscribers } from "@/lib/newsletter/admin";
import { composeIssue, sendIssue } from "@/lib/newsletter/issues";

/** development only: the sign-in link for it appears at /dev/outbox, which a production site does not have. */
export const DEMO_ADMIN_EMAIL = "producer@longsignal.example";

const READERS = [
  { email: "priya@readers.longsignal.example", name: "Priya Natarajan" },
  { email: "tom@readers.longsignal.example", name: "Tom Becker" },
  { email: "ana@readers.longsignal.example", name: "Ana Lima" },
  { email: "sam@readers.longsignal.example", name: "Sam Ortiz" },
];

interface DemoComment {
  by: number;
  body: string;
  /** The moment of the episode it is about, in seconds. */
  at?: number;
  likedBy?: number[];
  replies?: DemoComment[];
  held?: string;
}

const EPISODE_THREADS: DemoComment[] = [
  {
    by: 0,
    at: 390,
    body: "Our county publishes the schedule but not what was skipped. Hearing how the list really gets made explains a lot.",
    likedBy: [1, 2, 3],
    replies: [
      { by: 1, body: "Same here. I filed a records request after this episode; will report back.", likedBy: [0] },
      { by: 2, body: "The part about storms pushing visits back and nobody moving them forward again is the whole story." },
    ],
  },
  {
    by: 1,
    at: 1450,
    body: "The sensor pilot running out of money right when it worked is painfully familiar.",
    likedBy: [0, 3],
  },
  { by: 2, body: "Would love a follow-up with the inspector in a year.", likedBy: [0] },
  {
    by: 3,
    body: "Cheap inspection kits here: http://bridge-deals.example/a http://bridge-deals.example/b http://bridge-deals.example/c",
    held: "Has more than 2 links.",
  },
];

const STORY_THREADS: DemoComment[] = [
  {
    by: 2,
    body: "The list of what would help is short and cheap. That is the frustrating part.",
    likedBy: [0, 1],
    replies: [{ by: 0, body: "A public list of overdue inspections costs nothing at all." }],
  },
];

async function addThreads(target: { episodeId: string } | { storyId: string }, threads: DemoComment[], readers: string[], startAt: Date) {
  let minutes = 0;
  const add = async (comment: DemoComment, parentId: string | null) => {
    minutes += 37;
    const created = await prisma.comment.create({
      data: {
        ...target,
        parentId,
        authorId: readers[comment.by]!,
        body: comment.body,
        momentSeconds: comment.at ?? null,
        status: comment.held ? "PENDING" : "APPROVED",
        heldReason: comment.held ?? null,
        likeCount: comment.likedBy?.length ?? 0,
        createdAt: new Date(startAt.getTime() + minutes * 60_000),
        likes: { create: (comment.likedBy ?? []).map((reader) => ({ userId: readers[reader]! })) },
      },
      select: { id: true },
    });
    for (const reply of comment.replies ?? []) await add(reply, created.id);
  };
  for (const thread of threads) await add(thread, null);
}

export async function seedDemoCommunity(): Promise<{ comments: number; subscribers: number }> {
  await prisma.user.create({ data: { email: DEMO_ADMIN_EMAIL, name: "Demo Producer", nameChosenAt: new Date(), role: "ADMIN", emailVerified: new Date() } });
  const readers = await Promise.all(
    READERS.map((reader) => prisma.user.create({ data: { ...reader, nameChosenAt: new Date(), emailVerified: new Date() }, select: { id: true } })),
  );
  const readerIds = readers.map((reader) => reader.id);

  const episode = await prisma.episode.findFirstOrThrow({
    where: { show: { demo: true } },
    orderBy: { publishedAt: "desc" },
    select: { id: true, publishedAt: true },
  });
  await addThreads({ episodeId: episode.id }, EPISODE_THREADS, readerIds, episode.publishedAt);
  const story = await prisma.story.findFirstOrThrow({ where: { episodes: { some: { episodeId: episode.id } } }, select: { id: true, publishedAt: true } });
  await addThreads({ storyId: story.id }, STORY_THREADS, readerIds, story.publishedAt ?? episode.publishedAt);

  const csv = ["email,name", ...READERS.map((reader) => `${reader.email},${reader.name}`), "listener@readers.longsignal.example,"].join("\n");
  const imported = await importSubscribers(csv, { priorConsent: true, fileName: "demo-subscribers.csv" });
  // Sent the day before the latest episode, so the next issue a producer composes has something new in it.
  const issue = await composeIssue(
    "DIGEST",
    "This week on The Long Signal: repair counters, night buses and who owns the map.",
    new Date(episode.publishedAt.getTime() - 24 * 3600 * 1000),
  );
  await sendIssue(issue.id, { mailer: outboxMailer(() => {}) });
  return { comments: await prisma.comment.count(), subscribers: imported.added };
}
