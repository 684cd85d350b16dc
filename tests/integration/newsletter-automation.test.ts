import { beforeEach, describe, expect, it } from "@jest/globals";
import { prisma } from "@/lib/db";
import { asStaff } from "@/lib/auth/staff";
import { addFeedSource, syncFeedSource } from "@/lib/feeds/sync";
import { importSubscribers } from "@/lib/newsletter/admin";
import { changeNewsletterSchedule, runNewsletterSchedule, scheduleOverview, type ScheduleChange } from "@/lib/newsletter/automation";
import { sendIssue } from "@/lib/newsletter/issues";
import { latestDigestSlot } from "@/lib/newsletter/schedule";
import { resetDatabase } from "../setup/database";
import { createEpisode, createStory } from "../setup/factories";
import { useFeedServer } from "../setup/use-feed-server";
import { waitForMessages } from "../setup/smtp-sink";
import { useSmtpSink } from "../setup/use-smtp-sink";

const feeds = useFeedServer();
const mail = useSmtpSink();
const admin = asStaff({ id: "admin-1", name: "Admin", email: "admin@example.com", role: "ADMIN", banned: false, nameChosen: true }, "ADMIN")!;
const MINUTE = 60_000;
/** New-episode mails as given, the digest off. */
const announcements = (change: Pick<ScheduleChange, "episodeMails" | "episodeDelayMinutes">): ScheduleChange => ({
  ...change,
  digestEnabled: false,
  digestWeekday: 1,
  digestHour: 9,
  digestTimeZone: "UTC",
});
const DAY = 24 * 60 * MINUTE;

beforeEach(resetDatabase);

function feed(items: { guid: string; title: string; publishedAt: Date }[]): string {
  const entries = items.map(
    (item) => `<item><guid>${item.guid}</guid><title>${item.title}</title><pubDate>${item.publishedAt.toUTCString()}</pubDate>
      <enclosure url="https://cdn.example.com/${item.guid}.mp3" type="audio/mpeg" length="1000"/></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Hours</title><link>https://harbor.example.com</link><description>Ships.</description>${entries.join("")}</channel></rss>`;
}

async function subscribers(preferences: { email: string; wantsEpisodes: boolean; wantsDigest: boolean }[]) {
  await importSubscribers(["email", ...preferences.map((person) => person.email)].join("\n"), { priorConsent: true, fileName: "list.csv" });
  for (const { email, ...wants } of preferences) await prisma.subscriber.update({ where: { email }, data: wants });
}

/** One look at the schedule at `now`, sending what it queues as the job would; the subjects of the issues sent. */
async function look(now: Date): Promise<string[]> {
  const queued: string[] = [];
  await runNewsletterSchedule(now, async (issueId) => {
    queued.push(issueId);
  });
  for (const issueId of queued) await sendIssue(issueId, { mailer: mail.mailer });
  const issues = await prisma.newsletterIssue.findMany({ where: { id: { in: queued } }, select: { subject: true } });
  return issues.map((issue) => issue.subject);
}

describe("the new-episode e-mail", () => {
  it("announces an episode a later sync finds, once, after the wait, with its title as fixed meanwhile, to those who asked", async () => {
    await subscribers([
      { email: "wants@example.com", wantsEpisodes: true, wantsDigest: false },
      { email: "digest-only@example.com", wantsEpisodes: false, wantsDigest: true },
    ]);
    await changeNewsletterSchedule(admin, announcements({ episodeMails: true, episodeDelayMinutes: 10 }));
    const old = { guid: "ep-1", title: "The Old One", publishedAt: new Date(Date.now() - 2 * DAY) };
    feeds.routes.set("/feed.xml", { body: feed([old]) });
    const { source } = await addFeedSource({ url: feeds.url("/feed.xml"), kind: "PODCAST" });
    // What the first sync of a feed brings is its back catalogue, however recent.
    expect(await look(new Date(Date.now() + 20 * MINUTE))).toEqual([]);

    const appeared = Date.now();
    feeds.routes.set("/feed.xml", { body: feed([old, { guid: "ep-2", title: "Tide Tables", publishedAt: new Date() }]) });
    await syncFeedSource(source.id, { force: true });
    expect(await look(new Date(appeared + 5 * MINUTE))).toEqual([]);
    feeds.routes.set("/feed.xml", { body: feed([old, { guid: "ep-2", title: "Tide Tables, Explained", publishedAt: new Date() }]) });
    await syncFeedSource(source.id, { force: true });

    expect(await look(new Date(appeared + 11 * MINUTE))).toEqual(["New from Harbor Hours: Tide Tables, Explained"]);
    const [message] = await waitForMessages(mail.sink, 1);
    expect(message!.to).toBe("wants@example.com");
    expect(message!.text).toContain("Tide Tables, Explained");
    expect(await look(new Date(appeared + 30 * MINUTE))).toEqual([]);
    expect(mail.sink.messages).toHaveLength(1);
  });

  it("leaves alone an old item a host adds late, and everything while switched off", async () => {
    await subscribers([{ email: "wants@example.com", wantsEpisodes: true, wantsDigest: false }]);
    feeds.routes.set("/feed.xml", { body: feed([{ guid: "a", title: "A", publishedAt: new Date(Date.now() - DAY) }]) });
    const { source } = await addFeedSource({ url: feeds.url("/feed.xml"), kind: "PODCAST" });
    await changeNewsletterSchedule(admin, announcements({ episodeMails: false, episodeDelayMinutes: 1 }));
    feeds.routes.set("/feed.xml", {
      body: feed([
        { guid: "a", title: "A", publishedAt: new Date(Date.now() - DAY) },
        { guid: "b", title: "From the Archive", publishedAt: new Date(Date.now() - 400 * DAY) },
        { guid: "c", title: "While Off", publishedAt: new Date() },
      ]),
    });
    await syncFeedSource(source.id, { force: true });
    expect(await look(new Date(Date.now() + 5 * MINUTE))).toEqual([]);
    // Switching on counts from then: what appeared while off stays unannounced.
    await changeNewsletterSchedule(admin, announcements({ episodeMails: true, episodeDelayMinutes: 1 }));
    expect(await look(new Date(Date.now() + 5 * MINUTE))).toEqual([]);
    expect(await prisma.newsletterIssue.count()).toBe(0);
  });

  it("announces once when two instances look at the same moment", async () => {
    await changeNewsletterSchedule(admin, announcements({ episodeMails: true, episodeDelayMinutes: 10 }));
    feeds.routes.set("/feed.xml", { body: feed([{ guid: "a", title: "A", publishedAt: new Date(Date.now() - DAY) }]) });
    const { source } = await addFeedSource({ url: feeds.url("/feed.xml"), kind: "PODCAST" });
    feeds.routes.set("/feed.xml", {
      body: feed([
        { guid: "a", title: "A", publishedAt: new Date(Date.now() - DAY) },
        { guid: "b", title: "B", publishedAt: new Date() },
      ]),
    });
    await syncFeedSource(source.id, { force: true });
    const later = new Date(Date.now() + 11 * MINUTE);
    await Promise.all([runNewsletterSchedule(later, async () => {}), runNewsletterSchedule(later, async () => {})]);
    expect(await prisma.newsletterIssue.findMany({ select: { origin: true, subject: true } })).toEqual([
      { origin: "NEW_EPISODE", subject: "New from Harbor Hours: B" },
    ]);
  });
});

describe("the weekly digest", () => {
  const week = { digestEnabled: true, digestWeekday: 3, digestHour: 18, digestTimeZone: "America/New_York", episodeMails: false, episodeDelayMinutes: 10 };

  it("goes in its hour in the admin's time zone, once; is skipped when nothing is new; is not sent a day late", async () => {
    await subscribers([
      { email: "digest@example.com", wantsEpisodes: false, wantsDigest: true },
      { email: "episodes-only@example.com", wantsEpisodes: true, wantsDigest: false },
    ]);
    const slot = latestDigestSlot(new Date(), { weekday: 3, hour: 18, timeZone: "America/New_York" });
    // Wednesday 18:00 in New York, whatever the season there.
    expect(new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", weekday: "long", hour: "numeric", hourCycle: "h23" }).format(slot)).toBe(
      "Wednesday, 18",
    );
    await changeNewsletterSchedule(admin, week, new Date(slot.getTime() - DAY));
    await createEpisode({ title: "Midweek Tides", publishedAt: new Date(slot.getTime() - 3 * 60 * MINUTE) });
    await createStory({ title: "Why Harbors Silt", publishedAt: new Date(slot.getTime() - 2 * 60 * MINUTE) });

    expect(await look(new Date(slot.getTime() - MINUTE))).toEqual([]);
    const [first, second] = await Promise.all([look(new Date(slot.getTime() + MINUTE)), look(new Date(slot.getTime() + MINUTE))]);
    expect([...first!, ...second!]).toEqual([expect.stringMatching(/: new episodes and stories$/)]);
    const [message] = await waitForMessages(mail.sink, 1);
    expect(message!.to).toBe("digest@example.com");
    expect(message!.text).toContain("Midweek Tides");
    expect(message!.text).toContain("Why Harbors Silt");
    expect((await scheduleOverview(admin, new Date(slot.getTime() + MINUTE))).schedule.digestLastOutcome).toMatch(/^Sent the digest of Wednesday/);

    expect(await look(new Date(slot.getTime() + 7 * DAY + MINUTE))).toEqual([]);
    expect((await scheduleOverview(admin)).schedule.digestLastOutcome).toMatch(/^Skipped the digest of Wednesday.*: Nothing new has been published since/);

    await createStory({ title: "Late News", publishedAt: new Date(slot.getTime() + 8 * DAY) });
    expect(await look(new Date(slot.getTime() + 14 * DAY + 25 * 60 * MINUTE))).toEqual([]);
    expect((await scheduleOverview(admin)).schedule.digestLastOutcome).toMatch(
      /^Not sent: the digest of Wednesday.* was due while the site was not running\.$/,
    );
    expect(mail.sink.messages).toHaveLength(1);
  });

  it("counts a changed schedule from the change: a slot already past is not sent", async () => {
    await createEpisode({ publishedAt: new Date(Date.now() - DAY) });
    const slot = latestDigestSlot(new Date(), { weekday: 3, hour: 18, timeZone: "America/New_York" });
    await changeNewsletterSchedule(admin, week, new Date(slot.getTime() + MINUTE));
    expect(await look(new Date(slot.getTime() + 2 * MINUTE))).toEqual([]);
    const { nextDigest } = await scheduleOverview(admin, new Date(slot.getTime() + 2 * MINUTE));
    expect(nextDigest).toMatch(/^Wednesday, .* at 18:00 \(America\/New_York\)$/);
  });
});
