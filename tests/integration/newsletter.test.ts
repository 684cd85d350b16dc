import { beforeEach, describe, expect, it } from "@jest/globals";
import { POST as unsubscribePost } from "@/app/api/newsletter/unsubscribe/route";
import { prisma, setDatabaseUrl } from "@/lib/db";
import { smtpMailer, type Mailer } from "@/lib/mail/mailer";
import { startSlowProxy } from "../setup/slow-proxy";
import { composeIssue, deliveryCounts, sendIssue } from "@/lib/newsletter/issues";
import { manageToken } from "@/lib/newsletter/links";
import { deleteSubscriber, importSubscribers, subscribersCsv } from "@/lib/newsletter/admin";
import { confirmLinkState, confirmSubscription, consentSentence, mailConfirmation, signUp, unsubscribe } from "@/lib/newsletter/subscriptions";
import { signUpSchema } from "@/lib/validations/newsletter";
import { asStaff } from "@/lib/auth/staff";
import { resetDatabase } from "../setup/database";
import { createEpisode, createShow, createStory } from "../setup/factories";
import { linkIn, waitForMessages } from "../setup/smtp-sink";
import { useSmtpSink } from "../setup/use-smtp-sink";

const mail = useSmtpSink();

beforeEach(resetDatabase);

const form = (email: string, extra: Record<string, string> = {}) => signUpSchema.parse({ email, name: "Ada", source: "/episodes/bridges", ...extra });
let network = 0;
// Each test signs up from its own network unless it is testing the network limit.
const someone = () => ({ address: `198.51.100.${(network += 1) % 250}` });

async function subscribeAndConfirm(email: string): Promise<string> {
  const result = await signUp(form(email), someone());
  if (result.status !== "accepted" || !result.sendConfirmation) throw new Error("expected a confirmation to send");
  // The mail server has the message once the send resolves.
  await result.sendConfirmation(mail.mailer);
  const token = new URL(linkIn(mail.sink.messages.at(-1)!, "http")).searchParams.get("token")!;
  const confirmed = await confirmSubscription(token);
  if (confirmed.status !== "confirmed") throw new Error(`expected confirmed, got ${confirmed.status}`);
  return confirmed.subscriberId;
}

describe("double opt-in", () => {
  it("keeps a pending subscriber with the consent given, mails a link whose page confirms once", async () => {
    const result = await signUp(form("Listener@Example.com"), { address: "203.0.113.9" });
    expect(result.status).toBe("accepted");
    if (result.status !== "accepted") return;
    await result.sendConfirmation!(mail.mailer);

    const [message] = await waitForMessages(mail.sink, 1);
    expect(message!.to).toBe("listener@example.com");
    expect(message!.subject).toMatch(/^Confirm your subscription/);
    expect(message!.html).toContain("Confirm my subscription");
    const link = linkIn(message!, "http");
    expect(link).toContain("/newsletter/confirm?token=");
    const token = new URL(link).searchParams.get("token")!;

    const pending = await prisma.subscriber.findUniqueOrThrow({ where: { email: "listener@example.com" } });
    expect(pending).toMatchObject({
      status: "PENDING",
      name: "Ada",
      consentSource: "/episodes/bridges",
      consentMethod: "FORM",
      consentText: consentSentence("Showfront"),
    });
    // Only hashes are kept: neither the token nor the requester's address is in the row.
    expect(JSON.stringify(pending)).not.toContain(token);
    expect(JSON.stringify(pending)).not.toContain("203.0.113.9");
    expect(pending.consentIpHash).toMatch(/^[0-9a-f]{64}$/);

    // Opening the link changes nothing; the button's POST confirms, once.
    expect(await confirmLinkState(token)).toBe("ready");
    expect((await prisma.subscriber.findUniqueOrThrow({ where: { id: pending.id } })).status).toBe("PENDING");
    expect(await confirmSubscription(token)).toEqual({ status: "confirmed", subscriberId: pending.id });
    const confirmed = await prisma.subscriber.findUniqueOrThrow({ where: { id: pending.id } });
    expect(confirmed.status).toBe("CONFIRMED");
    expect(confirmed.confirmedAt).toBeInstanceOf(Date);
    expect(confirmed.confirmTokenHash).toBeNull();
    expect(await confirmSubscription(token)).toEqual({ status: "invalid" });
    expect(await confirmLinkState(token)).toBe("invalid");
  });

  it("refuses a link after it expires", async () => {
    const longAgo = new Date(Date.now() - 49 * 3_600_000);
    const result = await signUp(form("late@example.com"), someone(), longAgo);
    if (result.status !== "accepted") throw new Error("expected accepted");
    await result.sendConfirmation!(mail.mailer);
    const token = new URL(linkIn((await waitForMessages(mail.sink, 1))[0]!, "http")).searchParams.get("token")!;
    expect(await confirmLinkState(token)).toBe("expired");
    expect(await confirmSubscription(token)).toEqual({ status: "expired" });
    expect((await prisma.subscriber.findUniqueOrThrow({ where: { email: "late@example.com" } })).status).toBe("PENDING");
  });

  it("answers the same for new, pending, confirmed and unsubscribed addresses, sends nothing before answering, and leaves a subscriber as they were", async () => {
    const confirmedId = await subscribeAndConfirm("confirmed@example.com");
    const goneId = await subscribeAndConfirm("gone@example.com");
    await unsubscribePost(
      new Request(`http://x/api/newsletter/unsubscribe?t=${await manageToken(goneId)}`, {
        method: "POST",
        body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
      }),
    );
    await signUp(form("pending@example.com"), someone());
    const before = await prisma.subscriber.findUniqueOrThrow({ where: { id: confirmedId } });

    const sentBefore = mail.sink.messages.length;
    for (let round = 0; round < 3; round += 1) {
      // New, pending, confirmed, unsubscribed.
      for (const email of [`new${round}@example.com`, "pending@example.com", "confirmed@example.com", "gone@example.com"]) {
        const result = await signUp(form(email, { name: "Mallory" }), someone());
        // What the route answers is built from the status alone: the same word for every state.
        expect(result.status).toBe("accepted");
      }
    }
    // No state makes the answer wait for the mail server (the confirmation goes after it), so an answer's time does
    // not tell the address's state; a latency comparison here failed on a loaded machine, so none is asserted.
    expect(mail.sink.messages).toHaveLength(sentBefore);
    // The confirmed subscriber's name and consent were not touched by a stranger typing their address.
    expect(await prisma.subscriber.findUniqueOrThrow({ where: { id: confirmedId } })).toEqual(before);
    // An unsubscribed address that signs up again must confirm again.
    expect((await prisma.subscriber.findUniqueOrThrow({ where: { id: goneId } })).status).toBe("PENDING");
  });

  it("throttles a flood from one network, limits confirmation mails to one address, and ignores bots that fill the honeypot", async () => {
    const flood = { address: "192.0.2.77" };
    const answers = [];
    for (let index = 0; index < 11; index += 1) answers.push((await signUp(form(`flood${index}@example.com`), flood)).status);
    expect(answers.slice(0, 10).every((status) => status === "accepted")).toBe(true);
    expect(answers[10]).toBe("throttled");
    expect(await prisma.subscriber.count({ where: { email: "flood10@example.com" } })).toBe(0);

    const mails = [];
    for (let index = 0; index < 4; index += 1) mails.push(await signUp(form("again@example.com"), someone()));
    expect(mails.map((result) => result.status === "accepted" && Boolean(result.sendConfirmation))).toEqual([true, true, true, false]);

    expect(await signUp(form("bot@example.com", { website: "http://spam.example" }), someone())).toEqual({ status: "accepted" });
    expect(await prisma.subscriber.count({ where: { email: "bot@example.com" } })).toBe(0);
  });
});

describe("one-click unsubscribe", () => {
  it("unsubscribes on the mail provider's POST, and refuses a link the site did not sign", async () => {
    const id = await subscribeAndConfirm("leaving@example.com");
    const token = await manageToken(id);
    const forged = `${id}.${"A".repeat(43)}`;
    const refused = await unsubscribePost(
      new Request(`http://x/api/newsletter/unsubscribe?t=${forged}`, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }),
    );
    expect(refused.status).toBe(400);
    expect((await prisma.subscriber.findUniqueOrThrow({ where: { id } })).status).toBe("CONFIRMED");

    const response = await unsubscribePost(
      new Request(`http://x/api/newsletter/unsubscribe?t=${encodeURIComponent(token)}`, {
        method: "POST",
        body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }),
      }),
    );
    expect(response.status).toBe(200);
    const subscriber = await prisma.subscriber.findUniqueOrThrow({ where: { id } });
    expect(subscriber.status).toBe("UNSUBSCRIBED");
    expect(subscriber.unsubscribedAt).toBeInstanceOf(Date);
  });
});

describe("sending an issue", () => {
  /** Nobody got the issue twice, every reader's delivery is settled (sent, or uncertain after a crash), nothing claimed is left. */
  async function expectNobodyTwice(issueId: string, readerCount: number) {
    const received = mail.sink.messages.map((message) => message.to);
    expect(new Set(received).size).toBe(received.length);
    const counts = await deliveryCounts(issueId);
    expect(counts.SENT + counts.UNCERTAIN).toBe(readerCount);
    expect(counts.SENDING).toBe(0);
    expect(received.length).toBeGreaterThanOrEqual(counts.SENT);
    return counts;
  }

  async function readers(count: number, prefix = "reader") {
    const now = new Date();
    await prisma.subscriber.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        email: `${prefix}${index}@example.com`,
        status: "CONFIRMED" as const,
        consentText: "test",
        consentAt: now,
        consentSource: "/",
        consentMethod: "FORM" as const,
        confirmedAt: now,
      })),
    });
  }

  async function somethingNew() {
    const show = await createShow({ title: "Civic Desk" });
    await createEpisode({
      showId: show.id,
      title: "Bridges <b>Nobody</b> Inspects",
      summary: "A county inspector & 412 bridges.",
      publishedAt: new Date(Date.now() - 3_600_000),
    });
    await createStory({ title: "What the zoning numbers say" });
  }

  it("composes what is new, sends each subscriber their own copy with one-click unsubscribe headers, and respects preferences", async () => {
    await somethingNew();
    await readers(3);
    await prisma.subscriber.update({ where: { email: "reader2@example.com" }, data: { wantsDigest: false } });
    await prisma.subscriber.create({
      data: { email: "pending@example.com", consentText: "t", consentAt: new Date(), consentSource: "/", consentMethod: "FORM" },
    });

    const { id } = await composeIssue("DIGEST", "Hello & welcome");
    expect(await sendIssue(id, { mailer: mail.mailer })).toEqual({ status: "sent" });

    const messages = await waitForMessages(mail.sink, 2);
    expect(messages.map((message) => message.to).sort()).toEqual(["reader0@example.com", "reader1@example.com"]);
    const [first] = messages;
    expect(first!.text).toContain("Bridges <b>Nobody</b> Inspects");
    expect(first!.text).toContain("What the zoning numbers say");
    // Content is text in the HTML part: a title's markup is shown, never obeyed.
    expect(first!.html).toContain("Bridges &lt;b&gt;Nobody&lt;/b&gt; Inspects");
    expect(first!.html).toContain("Hello &amp; welcome");
    expect(first!.header("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const oneClick = first!.header("list-unsubscribe").replace(/^<|>$/g, "");
    expect(oneClick).toContain("/api/newsletter/unsubscribe?t=");
    expect(linkIn(first!, "http://localhost:3000/newsletter/unsubscribe?t=")).toBeTruthy();

    // The one-click address unsubscribes that reader, and only them.
    const answer = await unsubscribePost(new Request(oneClick, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }));
    expect(answer.status).toBe(200);
    expect((await prisma.subscriber.findUniqueOrThrow({ where: { email: first!.to } })).status).toBe("UNSUBSCRIBED");
    expect(await prisma.subscriber.count({ where: { status: "UNSUBSCRIBED" } })).toBe(1);

    expect(await deliveryCounts(id)).toMatchObject({ SENT: 2, PENDING: 0, FAILED: 0 });
    // The next issue of the kind covers only what came after this one.
    await expect(composeIssue("DIGEST")).rejects.toMatchObject({ name: "AppError", code: "conflict" });
  });

  it("resumes after a crash half-way without sending anyone the issue twice", async () => {
    await somethingNew();
    await readers(40);
    const { id } = await composeIssue("DIGEST");
    const crash = new AbortController();
    mail.sink.onMessage = () => {
      if (mail.sink.messages.length === 15) crash.abort(new Error("the sender's process died"));
    };
    await expect(sendIssue(id, { mailer: mail.mailer, concurrency: 3, signal: crash.signal })).rejects.toThrow("the sender's process died");
    // The send answered only once its workers had all stopped: nothing more arrives, however slow anything is.
    const atCrash = await deliveryCounts(id);
    const receivedAtCrash = mail.sink.messages.length;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mail.sink.messages).toHaveLength(receivedAtCrash);
    expect(atCrash.SENDING).toBeGreaterThan(0);

    mail.sink.onMessage = undefined;
    // The dead sender's lease runs out; another sender takes over.
    expect(await sendIssue(id, { mailer: mail.mailer, concurrency: 3 })).toEqual({ status: "busy" });
    await prisma.newsletterIssue.update({ where: { id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect(await sendIssue(id, { mailer: mail.mailer, concurrency: 3 })).toEqual({ status: "sent" });

    // Nobody twice; everyone else once: only the messages in flight at the crash are left uncertain.
    const counts = await expectNobodyTwice(id, 40);
    expect(counts.UNCERTAIN).toBeLessThanOrEqual(3);
    expect((await prisma.newsletterIssue.findUniqueOrThrow({ where: { id } })).status).toBe("SENT");
  });

  it("holds at most once through a crash on a slow database (40 ms each way on every query)", async () => {
    await somethingNew();
    await readers(20);
    const { id } = await composeIssue("DIGEST");
    const slow = await startSlowProxy(process.env.DATABASE_URL!, 40);
    setDatabaseUrl(slow.url);
    await prisma.$disconnect();
    try {
      const crash = new AbortController();
      mail.sink.onMessage = () => {
        if (mail.sink.messages.length === 6) crash.abort(new Error("the sender's process died"));
      };
      await expect(sendIssue(id, { mailer: mail.mailer, concurrency: 4, signal: crash.signal })).rejects.toThrow("the sender's process died");
      mail.sink.onMessage = undefined;
      await prisma.newsletterIssue.update({ where: { id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
      expect(await sendIssue(id, { mailer: mail.mailer, concurrency: 4 })).toEqual({ status: "sent" });
    } finally {
      setDatabaseUrl(process.env.DATABASE_URL!);
      await prisma.$disconnect();
      await slow.close();
    }
    await expectNobodyTwice(id, 20);
  });

  it("stops a sender that stalled past its lease once another has taken over: one sender at a time, nobody twice", async () => {
    await somethingNew();
    await readers(12);
    const { id } = await composeIssue("DIGEST");
    // The first sender hands one message over, then stalls (a slow database or mail server) before it can record it.
    let release!: () => void;
    const stall = new Promise<void>((resolve) => (release = resolve));
    let sentAfterStall = 0;
    const stalling: Mailer = {
      async send(message) {
        if (mail.sink.messages.length > 0) sentAfterStall += 1;
        await mail.mailer.send(message);
        await stall;
      },
      close() {},
    };
    const first = sendIssue(id, { mailer: stalling, concurrency: 1 });
    await waitForMessages(mail.sink, 1);
    await prisma.newsletterIssue.update({ where: { id }, data: { leaseUntil: new Date(Date.now() - 1000) } });
    expect(await sendIssue(id, { mailer: mail.mailer, concurrency: 2 })).toEqual({ status: "sent" });
    release();
    expect(await first).toEqual({ status: "busy" });
    expect(sentAfterStall).toBe(0);

    expect(mail.sink.messages).toHaveLength(12);
    await expectNobodyTwice(id, 12);
  });

  it("never sends a message twice when the connection drops after the mail server took it", async () => {
    await somethingNew();
    await readers(6);
    mail.sink.dropAfterAccepting.add("reader2@example.com");
    const { id } = await composeIssue("DIGEST");
    expect(await sendIssue(id, { mailer: mail.mailer, concurrency: 2 })).toEqual({ status: "sent" });
    const received = mail.sink.messages.map((message) => message.to);
    expect(received.filter((address) => address === "reader2@example.com")).toHaveLength(1);
    expect(new Set(received).size).toBe(6);
    const lost = await prisma.newsletterDelivery.findFirstOrThrow({ where: { issueId: id, subscriber: { email: "reader2@example.com" } } });
    expect(lost).toMatchObject({ status: "UNCERTAIN", error: expect.stringContaining("not sent again") });
    expect(await deliveryCounts(id)).toMatchObject({ SENT: 5, UNCERTAIN: 1, PENDING: 0 });
  });

  it("waits out a retry's back-off whatever time zone the database server is in", async () => {
    await somethingNew();
    await readers(1);
    const { id } = await composeIssue("DIGEST");
    const down = smtpMailer("smtp://127.0.0.1:1", { from: "news@showfront.test" });
    expect((await sendIssue(id, { mailer: down })).status).toBe("waiting");
    down.close();
    // A cluster made on a machine 14 hours ahead of UTC (initdb takes the machine's zone).
    const name = (await prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`)[0]!.name;
    await prisma.$executeRawUnsafe(`ALTER DATABASE "${name}" SET timezone TO 'Pacific/Kiritimati'`);
    await prisma.$disconnect();
    try {
      expect((await sendIssue(id, { mailer: mail.mailer })).status).toBe("waiting");
      expect(mail.sink.messages).toHaveLength(0);
    } finally {
      await prisma.$executeRawUnsafe(`ALTER DATABASE "${name}" RESET timezone`);
      await prisma.$disconnect();
    }
  });

  it("gives up on an address the mail server refuses, and retries later when the server is down", async () => {
    await somethingNew();
    await readers(2);
    mail.sink.refuse.add("reader1@example.com");
    const { id } = await composeIssue("EPISODES");
    expect(await sendIssue(id, { mailer: mail.mailer })).toEqual({ status: "sent" });
    const refused = await prisma.newsletterDelivery.findFirstOrThrow({ where: { issueId: id, subscriber: { email: "reader1@example.com" } } });
    expect(refused.status).toBe("FAILED");
    expect(refused.error).toMatch(/550|No such mailbox/);

    await readers(2, "later");
    await createEpisode({ title: "A newer episode", publishedAt: new Date() });
    const next = await composeIssue("EPISODES");
    const down = smtpMailer("smtp://127.0.0.1:1", { from: "news@showfront.test" });
    const outcome = await sendIssue(next.id, { mailer: down });
    down.close();
    expect(outcome.status).toBe("waiting");
    // reader1 is still subscribed: a refused address is a delivery problem, not an unsubscription.
    expect(await deliveryCounts(next.id)).toMatchObject({ PENDING: 4, SENT: 0 });
  });
});

describe("the admin's list", () => {
  it("imports a CSV with prior consent only when vouched for, leaves listed people as they are, and reports bad rows", async () => {
    const goneId = await subscribeAndConfirm("gone@example.com");
    await unsubscribe(goneId);
    const csv =
      '\uFEFFEmail,Name\r\nnew@example.com,"Lovelace, Ada"\r\nGONE@example.com,Someone\r\nnot-an-address,X\r\nnew@example.com,Again\r\nspam@yopmail.com,\r\n';

    const vouched = await importSubscribers(csv, { priorConsent: true, fileName: "old-list.csv" });
    expect(vouched).toMatchObject({ added: 1, alreadyListed: 1, toConfirm: [] });
    expect(vouched.problems.map((problem) => problem.line)).toEqual([4, 6]);
    expect(await prisma.subscriber.findUniqueOrThrow({ where: { email: "new@example.com" } })).toMatchObject({
      name: "Lovelace, Ada",
      status: "CONFIRMED",
      consentMethod: "IMPORT",
      consentSource: "import: old-list.csv",
      consentText: expect.stringContaining("an admin who confirmed that this person had agreed"),
    });
    // Someone who left is not put back on the list by an old export.
    expect((await prisma.subscriber.findUniqueOrThrow({ where: { id: goneId } })).status).toBe("UNSUBSCRIBED");

    const unvouched = await importSubscribers("email\nask@example.com\n", { priorConsent: false, fileName: "x.csv" });
    expect(unvouched.toConfirm).toHaveLength(1);
    expect((await prisma.subscriber.findUniqueOrThrow({ where: { email: "ask@example.com" } })).status).toBe("PENDING");
    await mailConfirmation(unvouched.toConfirm[0]!, mail.mailer);
    expect(linkIn(mail.sink.messages.at(-1)!, "/newsletter/confirm?token=")).toBeTruthy();

    await expect(importSubscribers("name\nAda\n", { priorConsent: true, fileName: "x.csv" })).rejects.toThrow('one of them "email"');
    await expect(importSubscribers('email\n"unclosed\n', { priorConsent: true, fileName: "x.csv" })).rejects.toMatchObject({
      name: "AppError",
      code: "invalid",
    });
  });

  it("exports what it shows as CSV, and deletes a person with everything kept about them", async () => {
    const id = await subscribeAndConfirm("ada@example.com");
    await prisma.subscriber.update({ where: { id }, data: { name: "=cmd|' /C calc'!A0" } });
    await createEpisode({ title: "An episode", publishedAt: new Date(Date.now() - 60_000) });
    const { id: issueId } = await composeIssue("DIGEST");
    await sendIssue(issueId, { mailer: mail.mailer });

    const admin = asStaff({ id: "admin-token", name: "Admin", email: "", role: "ADMIN", banned: false, nameChosen: true }, "ADMIN")!;
    const csv = await subscribersCsv(admin, { status: "CONFIRMED" });
    const [header, row] = csv.trim().split("\r\n");
    expect(header).toBe(
      "email,name,status,wants_episodes,wants_stories,wants_digest,consent_at,consent_source,consent_method,consent_text,confirmed_at,unsubscribed_at,created_at",
    );
    expect(row).toMatch(/^ada@example\.com,'=cmd\|' \/C calc'!A0,CONFIRMED,true,true,true,/);
    expect(await subscribersCsv(admin, { status: "PENDING" })).toBe(`${header}\r\n`);

    expect(await deleteSubscriber(id)).toBe(true);
    expect(await prisma.subscriber.count()).toBe(0);
    expect(await prisma.newsletterDelivery.count()).toBe(0);
    expect(await deleteSubscriber(id)).toBe(false);
  });
});
