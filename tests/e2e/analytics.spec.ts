import { expect, test, type Page } from "@playwright/test";
import { formatClock } from "@/lib/text/format";
import { E2E_ADMIN_TOKEN } from "./server-address";

// Headless Chromium names itself HeadlessChrome, which the bot list leaves out: this listener is a desktop browser.
const LISTENER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PODCAST_APP = "AppleCoreMedia/1.0.0.21F79 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)";
const REPAIR = "/episodes/the-quiet-economics-of-repair-shops";
const REPAIR_TITLE = "The Quiet Economics of Repair Shops";

test.use({ userAgent: LISTENER });
test.describe.configure({ mode: "serial" });

const audio = (page: Page) => page.getByTestId("site-player-audio");
const position = (page: Page) => audio(page).evaluate((element: HTMLAudioElement) => element.currentTime);

async function signIn(page: Page) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}

async function stretches(page: Page): Promise<string[]> {
  const table = page.getByRole("table", { name: /Listeners at each moment/ });
  return table
    .getByRole("row")
    .evaluateAll((rows) => rows.slice(1).map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim()).join(" ")));
}

test("a listener plays, skips ahead and plays on; the admin's curve shows exactly the seconds heard, beside the chapters and transcript", async ({
  page,
  browser,
}) => {
  await page.goto(REPAIR);
  await page.getByRole("region", { name: "Listen" }).getByRole("button", { name: "Play episode" }).click();
  const player = page.getByRole("region", { name: "Player" });
  await expect.poll(() => position(page)).toBeGreaterThanOrEqual(4);
  await player.getByRole("button", { name: "Pause" }).click();
  const firstStop = Math.floor(await position(page));
  // A seek: the 30 seconds skipped are not heard.
  await player.getByRole("button", { name: "Forward 30 seconds" }).click();
  await expect.poll(() => position(page)).toBeGreaterThanOrEqual(firstStop + 29);
  const landed = Math.floor(await position(page));
  await player.getByRole("button", { name: "Play" }).click();
  await expect.poll(() => position(page)).toBeGreaterThanOrEqual(landed + 4);
  await player.getByRole("button", { name: "Pause" }).click();
  const secondStop = Math.floor(await position(page));

  const admin = await browser.newPage({ userAgent: LISTENER });
  await signIn(admin);
  await admin.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Analytics" }).click();
  await expect(admin.getByRole("heading", { level: 1, name: "Analytics" })).toBeVisible();
  // Events are sent within seconds and rolled up every 2 s here: the episode appears once both have happened.
  await expect(async () => {
    await admin.reload();
    await expect(admin.getByRole("region", { name: "Episodes" }).getByRole("link", { name: REPAIR_TITLE })).toBeVisible({ timeout: 1000 });
  }).toPass();
  await admin.getByRole("region", { name: "Episodes" }).getByRole("link", { name: REPAIR_TITLE }).click();
  await expect(admin.getByRole("heading", { level: 1, name: REPAIR_TITLE })).toBeVisible();
  await expect(async () => {
    await admin.reload();
    await admin.getByText("Show the numbers").click();
    expect((await stretches(admin)).slice(0, 3)).toEqual([
      `0:00–${formatClock(firstStop)} 1`,
      `${formatClock(firstStop)}–${formatClock(landed)} 0`,
      `${formatClock(landed)}–${formatClock(secondStop)} 1`,
    ]);
  }).toPass();
  await expect(admin.getByText("Plays", { exact: true }).locator("xpath=following-sibling::dd")).toHaveText("1");
  await expect(admin.getByText("Listeners", { exact: true }).locator("xpath=following-sibling::dd")).toHaveText("1");
  // The chapters and the transcript, with how many were still listening at each.
  await expect(admin.getByRole("region", { name: "Where listeners stopped" })).toContainText(
    /0:00–\d+:\d\d: lost 1 listener \(in "Saturday behind the counter"\)Dan Reyes: It.s Saturday morning/,
  );
  await expect(
    admin
      .getByRole("region", { name: /Transcript, with the listeners/ })
      .getByRole("listitem")
      .first(),
  ).toContainText("It's Saturday morning");
  // The same numbers to take away.
  const csv = await admin.request.get(await admin.getByRole("link", { name: "Each second as CSV" }).getAttribute("href").then(String));
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split(/\r\n/);
  expect(lines[0]).toBe("second,listeners");
  expect(lines[1 + firstStop - 1]).toBe(`${firstStop - 1},1`);
  expect(lines[1 + firstStop]).toBe(`${firstStop},0`);
  expect(lines[1 + landed]).toBe(`${landed},1`);
  await admin.close();
});

test("a listener's visit counts its source; a headless browser's and a Do Not Track browser's count nothing", async ({ page, browser }) => {
  const bot = await browser.newPage({ userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0 Safari/537.36" });
  const tracked = await browser.newPage({ userAgent: LISTENER, extraHTTPHeaders: { dnt: "1" } });
  // Every page sends its view; the server keeps only the listener's.
  for (const [visitor, source] of [
    [page, "e2e-campaign"],
    [bot, "e2e-bot"],
    [tracked, "e2e-dnt"],
  ] as const) {
    const sent = visitor.waitForResponse((response) => response.url().endsWith("/api/events") && response.request().method() === "POST");
    await visitor.goto(`/stories?utm_source=${source}`);
    expect((await sent).status()).toBe(204);
  }

  const admin = await browser.newPage({ userAgent: LISTENER });
  await signIn(admin);
  await expect(async () => {
    await admin.goto("/admin/analytics?range=24h");
    await expect(admin.getByRole("region", { name: "Visits from" }).getByRole("rowheader", { name: "e2e-campaign" })).toBeVisible({ timeout: 1000 });
  }).toPass();
  const sources = admin.getByRole("region", { name: "Visits from" });
  await expect(sources.getByRole("rowheader", { name: "e2e-bot" })).toHaveCount(0);
  await expect(sources.getByRole("rowheader", { name: "e2e-dnt" })).toHaveCount(0);
  await admin.close();
});

test("with download counting on, the show's feed sends apps through the site, one download a day each; the home page lists the most listened", async ({
  page,
  playwright,
}) => {
  await signIn(page);
  await page.goto("/admin/analytics");
  const settings = page.getByRole("region", { name: "Settings" });
  await settings.getByLabel(/Count downloads/).check();
  await settings.getByLabel(/Most listened this week/).check();
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText(/Saved\. The podcast feeds now send apps/)).toBeVisible();
  try {
    const app = await playwright.request.newContext({ baseURL: new URL(page.url()).origin, userAgent: PODCAST_APP });
    const feed = await (await app.get("/shows/the-long-signal/feed.xml")).text();
    const enclosure = /<enclosure url="([^"]+\/r\/[^"]+)"/.exec(feed)?.[1];
    expect(enclosure).toBeDefined();
    for (const range of ["bytes=0-1", "bytes=0-", "bytes=1000-"]) {
      const answer = await app.get(enclosure!, { headers: { range }, maxRedirects: 0 });
      expect(answer.status()).toBe(302);
      expect(answer.headers().location).toMatch(/\/demo\/audio\//);
    }
    expect((await app.get("/r/nosuchepisode/audio.mp3", { maxRedirects: 0 })).status()).toBe(404);
    await app.dispose();
    await expect(async () => {
      await page.reload();
      await expect(page.getByText("Downloads", { exact: true }).first().locator("xpath=following-sibling::dd")).toHaveText("1", { timeout: 1000 });
    }).toPass();

    await page.goto("/");
    const listened = page.getByRole("region", { name: "Most listened this week" });
    await expect(listened.getByText(REPAIR_TITLE).first()).toBeVisible();
  } finally {
    await page.goto("/admin/analytics");
    await page
      .getByRole("region", { name: "Settings" })
      .getByLabel(/Count downloads/)
      .uncheck();
    await page
      .getByRole("region", { name: "Settings" })
      .getByLabel(/Most listened this week/)
      .uncheck();
    await page.getByRole("region", { name: "Settings" }).getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  }
});
