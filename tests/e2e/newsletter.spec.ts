import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { nextDigestSlot } from "@/lib/newsletter/schedule";
import { startFeedServer } from "../setup/feed-server";
import { linkIn, mailTo } from "./mail";
import { E2E_ADMIN_TOKEN, E2E_CLOCK_FILE, E2E_MAIL_DIR } from "./server-address";

test.describe.configure({ mode: "serial" });

const listener = `listener-${Date.now()}@example.com`;

test("a listener subscribes on an episode page and confirms from the e-mail", async ({ page }) => {
  await page.goto("/episodes/bridges-nobody-inspects");
  const box = page.getByRole("region", { name: "Stay up to date" });
  await expect(
    box.getByText("By submitting this form, you agree to receive e-mail messages from The Long Signal. You may unsubscribe at any time."),
  ).toBeVisible();

  // A typo is pointed out in place, and what was typed stays.
  await box.getByLabel("E-mail").fill("listener@example");
  await box.getByLabel("Name (optional)").fill("Ada Listener");
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(box.getByText("That does not look like an e-mail address: check it for typos.")).toBeVisible();
  await expect(box.getByLabel("Name (optional)")).toHaveValue("Ada Listener");

  await box.getByLabel("E-mail").fill(listener);
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(box.getByRole("status")).toContainText("Almost done: we have sent you an e-mail.");

  const confirmation = await mailTo(listener, /^Confirm your subscription to The Long Signal$/);
  // Opening the link only shows a button: a mail scanner's visit confirms nothing.
  await page.goto(linkIn(confirmation, "/newsletter/confirm?token="));
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your subscription" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm my subscription" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You are subscribed" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("l•••@example.com will get The Long Signal's newsletter");

  // The link works once.
  await page.goto(linkIn(confirmation, "/newsletter/confirm?token="));
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();

  // The form tells nobody who subscribes: a subscribed address gets the very answer a new one gets.
  const answer = async (email: string) => {
    const response = await page.request.post("/api/newsletter/subscribe", {
      form: { email, source: "/" },
      headers: { accept: "application/json", origin: new URL(page.url()).origin },
    });
    return { status: response.status(), body: await response.text() };
  };
  const forSubscriber = await answer(listener);
  expect(forSubscriber.status).toBe(200);
  expect(forSubscriber).toEqual(await answer(`stranger-${Date.now()}@example.com`));
});

test("the sign-up works without JavaScript too", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  const box = page.getByRole("region", { name: "Stay up to date" });
  await box.getByLabel("E-mail").fill("someone@mailinator.com");
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/newsletter\?error=invalid/);
  await expect(page.getByText("Please use an address you keep: throwaway mailboxes are not accepted.")).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue("someone@mailinator.com");

  await page.getByLabel("E-mail").fill(`no-script-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/newsletter\/check-your-inbox$/);
  await expect(page.getByRole("status")).toContainText("Almost done");
  await context.close();
});

test("the admin sends an issue; the listener unsubscribes from the link in it", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Newsletter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Newsletter subscribers" })).toBeVisible();
  await page.getByLabel("Address or name").fill(listener);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("cell", { name: listener })).toBeVisible();
  const csv = await page.request.get(`/admin/newsletter/subscribers.csv?q=${encodeURIComponent(listener)}`);
  expect(await csv.text()).toContain(`${listener},Ada Listener,CONFIRMED`);

  await page.getByRole("link", { name: "Issues: compose and send →" }).click();
  await page.getByLabel("A few words before the list (optional, plain text)").fill("Thanks for listening.");
  await page.getByRole("button", { name: "Compose and preview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The Long Signal: new episodes and stories" })).toBeVisible();
  await expect(page.frameLocator('iframe[title="E-mail preview"]').getByText("Bridges Nobody Inspects")).toBeVisible();

  // A test first, to the admin's own address: nobody else gets it.
  const testAsked = Date.now();
  await page.getByLabel("Send a test to").fill("producer-test@example.com");
  await page.getByRole("button", { name: "Send a test" }).click();
  await expect(page.getByText("A test went to producer-test@example.com; nobody else got it.")).toBeVisible();
  const test = await mailTo("producer-test@example.com", /^\[Test\] The Long Signal: new episodes and stories/, testAsked);
  expect(test.text).toContain("Thanks for listening.");

  // Sending asks for a confirmation beside the number of people it goes to.
  await page.getByRole("button", { name: "Send to subscribers" }).click();
  await expect(page.getByText("confirm: Tick the box to confirm: the issue goes to every subscriber named.")).toBeVisible();
  await page.getByRole("checkbox", { name: /Yes, send it now to \d+ subscribers?/ }).check();
  await page.getByRole("button", { name: "Send to subscribers" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Sent" })).toBeVisible({ timeout: 20_000 });

  const issue = await mailTo(listener, /new episodes and stories/);
  expect(issue.text).toContain("Thanks for listening.");
  expect(issue.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
  expect(issue.listUnsubscribe).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/newsletter\/unsubscribe\?t=.+>$/);

  await page.goto(linkIn(issue, "/newsletter/unsubscribe?t="));
  await expect(page.getByRole("heading", { level: 1, name: "Unsubscribe" })).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You are unsubscribed" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("l•••@example.com will get no more e-mail");
});

test("new episodes and the weekly digest are e-mailed by themselves, on the admin's schedule", async ({ page }) => {
  const feeds = await startFeedServer();
  // The newsletter's schedule goes by this file's time: a week passes in seconds, through the real job queue.
  const setClock = (instant: Date) => writeFileSync(E2E_CLOCK_FILE, instant.toISOString());
  const checkedAt = (instant: Date) => `${new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(instant)} UTC`;
  const reader = "priya@readers.longsignal.example";
  try {
    const item = (guid: string, title: string, publishedAt: Date) =>
      `<item><title>${title}</title><guid>${guid}</guid><pubDate>${publishedAt.toUTCString()}</pubDate><enclosure url="https://media.example.org/${guid}.mp3" length="1" type="audio/mpeg"/></item>`;
    const feed = (...items: string[]) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Night Shift</title><description>After hours.</description>${items.join("")}</channel></rss>`;
    const archive = item("night-1", "The First Night", new Date(Date.now() - 30 * 86_400_000));
    feeds.routes.set("/night.xml", { body: feed(archive) });

    await page.goto("/admin/sign-in");
    await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

    await page.goto("/admin/newsletter/issues");
    const automatic = page.getByRole("region", { name: "Sent by themselves" });
    await automatic.getByRole("checkbox", { name: /E-mail each new episode/ }).check();
    await automatic.getByRole("spinbutton", { name: /Wait after an episode appears/ }).fill("10");
    await automatic.getByRole("checkbox", { name: /Send the week's episodes and stories/ }).check();
    await automatic.getByRole("combobox", { name: "Day" }).selectOption("Friday");
    await automatic.getByRole("combobox", { name: "Hour" }).selectOption("07:00");
    await automatic.getByRole("combobox", { name: "Time zone" }).selectOption("Asia/Tokyo");
    await automatic.getByRole("button", { name: "Save the schedule" }).click();
    await expect(automatic.getByText("Saved: the schedule counts from now.")).toBeVisible();
    const slot = nextDigestSlot(new Date(), { weekday: 5, hour: 7, timeZone: "Asia/Tokyo" });
    await page.reload();
    await expect(automatic.getByText(/^Friday, .* at 07:00 \(Asia\/Tokyo\)$/)).toBeVisible();

    // A feed's back catalogue is not news; an episode a later sync finds is.
    await page.goto("/admin/feeds");
    await page.getByLabel("Feed or show page address").fill(feeds.url("/night.xml"));
    await page.getByLabel("Kind").selectOption("PODCAST");
    await page.getByRole("button", { name: "Add and import" }).click();
    await expect(page.getByText(/Added .*night\.xml: 1 new/)).toBeVisible();
    const appeared = new Date();
    feeds.routes.set("/night.xml", { body: feed(archive, item("night-2", "Graveyard Shift", appeared)) });
    await page.reload();
    await page
      .getByRole("region", { name: "Sources" })
      .getByRole("row", { name: /Night Shift/ })
      .getByRole("button", { name: "Sync now" })
      .click();
    await expect.poll(async () => (await page.request.get("/episodes/graveyard-shift")).status(), { timeout: 30_000 }).toBe(200);

    // Inside the wait: the schedule looks, and sends nothing.
    const lookAt = async (instant: Date) => {
      setClock(instant);
      await page.goto("/admin/newsletter/issues");
      await expect.poll(async () => (await page.reload(), page.getByTestId("schedule-checked").textContent()), { timeout: 30_000 }).toBe(checkedAt(instant));
    };
    const started = Date.now();
    await lookAt(new Date(appeared.getTime() + 5 * 60_000));
    await lookAt(new Date(appeared.getTime() + 11 * 60_000));
    const announcement = await mailTo(reader, /^New from Night Shift: Graveyard Shift$/, started);
    expect(announcement.text).toContain("/episodes/graveyard-shift");

    // The digest in its hour, Friday 07:00 in Tokyo; a week later nothing is new, so nothing goes.
    await lookAt(new Date(slot.getTime() + 60_000));
    const digest = await mailTo(reader, /: new episodes and stories$/, started);
    expect(digest.text).toContain("Graveyard Shift");
    await lookAt(new Date(slot.getTime() + 7 * 86_400_000 + 60_000));
    await expect(automatic.getByText(/^Skipped the digest of Friday, .*: Nothing new has been published since/)).toBeVisible();

    const sentToReader = readdirSync(E2E_MAIL_DIR)
      .filter((file) => Number(file.split("-")[0]) >= started)
      .map((file) => JSON.parse(readFileSync(path.join(E2E_MAIL_DIR, file), "utf8")) as { to: string; subject: string })
      .filter((mail) => mail.to === reader);
    expect(sentToReader.map((mail) => mail.subject).sort()).toEqual([digest.subject, "New from Night Shift: Graveyard Shift"].sort());
    const issues = page.getByRole("region", { name: "Composed and sent" });
    await expect(issues.getByRole("row", { name: /New from Night Shift: Graveyard Shift.*sent by itself: new episode/ })).toBeVisible();
    await expect(issues.getByRole("row", { name: /sent by itself: weekly digest/ })).toBeVisible();
  } finally {
    rmSync(E2E_CLOCK_FILE, { force: true });
    await feeds.close();
  }
});
