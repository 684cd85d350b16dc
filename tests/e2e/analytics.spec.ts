import { expect, test, type Page } from "@playwright/test";
import { formatClock } from "@/lib/text/format";
import { readFileSync } from "node:fs";
import pg from "pg";
import { E2E_ADMIN_TOKEN, E2E_DATABASE_FILE } from "./server-address";

// Headless Chromium names itself HeadlessChrome, which the bot list leaves out: this listener is a desktop browser.
const LISTENER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const PODCAST_APP = "AppleCoreMedia/1.0.0.21F79 (iPhone; U; CPU OS 17_5 like Mac OS X; en_us)";
const REPAIR = "the-quiet-economics-of-repair-shops";
const TYPEWRITER = "the-last-typewriter-mechanic-in-town";
const TYPEWRITER_TITLE = "The Last Typewriter Mechanic in Town";
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

/** How many listeners heard each second of an episode, as the admin's CSV gives it. */
async function heardBy(admin: Page, episodeId: string): Promise<number[]> {
  const csv = await admin.request.get(`/admin/analytics/export?table=listening&range=7d&episode=${episodeId}`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const [header, ...lines] = (await csv.text()).trim().split("\r\n");
  expect(header).toBe("second,listeners");
  return lines.map((line) => Number(line.split(",")[1]));
}

/** The stretches of equal counts, as the table behind the curve lists them. */
function stretchesOf(curve: number[]): string[] {
  const rows: { from: number; to: number; listeners: number }[] = [];
  curve.forEach((listeners, second) => {
    const last = rows.at(-1);
    if (last?.listeners === listeners) last.to = second + 1;
    else rows.push({ from: second, to: second + 1, listeners });
  });
  return rows.map((row) => `${formatClock(row.from)}–${formatClock(row.to)} ${row.listeners}`);
}

let database: pg.Client;
test.beforeAll(async () => {
  database = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_FILE, "utf8").trim() });
  await database.connect();
});
test.afterAll(() => database.end());

const episodeId = async (slug: string) => (await database.query<{ id: string }>(`SELECT "id" FROM "Episode" WHERE "slug" = $1`, [slug])).rows[0]!.id;

test("a listener plays, skips ahead and plays on; the admin's curve shows exactly the seconds heard", async ({ page, browser }) => {
  // An episode no other test plays; what earlier runs counted is the baseline.
  const id = await episodeId(TYPEWRITER);
  const admin = await browser.newPage({ userAgent: LISTENER });
  await signIn(admin);
  const before = await heardBy(admin, id);

  await page.goto(`/episodes/${TYPEWRITER}`);
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

  const heard = (second: number) => (second < firstStop || (second >= landed && second < secondStop) ? 1 : 0);
  const expected = before.map((listeners, second) => listeners + heard(second));
  // Events are sent within seconds and rolled up every 2 s here.
  await expect.poll(() => heardBy(admin, id)).toEqual(expected);

  await admin.goto("/admin/analytics?range=7d");
  await admin.getByRole("region", { name: "Episodes" }).getByRole("link", { name: TYPEWRITER_TITLE }).click();
  await expect(admin.getByRole("heading", { level: 1, name: TYPEWRITER_TITLE })).toBeVisible();
  await admin.getByText("Show the numbers").click();
  expect(await stretches(admin)).toEqual(stretchesOf(expected));
  await admin.close();
});

test("an episode's listening sits beside its chapters and transcript, with the listeners at each", async ({ page }) => {
  await signIn(page);
  await page.goto(`/admin/analytics/episodes/${await episodeId(REPAIR)}?range=7d`);
  await expect(page.getByRole("heading", { level: 1, name: REPAIR_TITLE })).toBeVisible();
  await expect(page.getByRole("figure", { name: /Listeners at each moment/ })).toBeVisible();
  const chapters = page.getByRole("region", { name: "Where listeners stopped" }).getByRole("table");
  await expect(chapters.getByRole("rowheader")).toHaveText([/0:00 Saturday behind the counter/, /0:04 Why parts pairing/, /0:08 Lena's ask/]);
  await expect(chapters.getByRole("cell").first()).toHaveText(/^\d+ \(\d+%\)$/);
  const transcript = page.getByRole("region", { name: /Transcript, with the listeners/ }).getByRole("listitem");
  await expect(transcript.first()).toContainText("Dan Reyes: It's Saturday morning");
});

test("a listener's visit counts its source, a shared link and a platform opened; a headless browser's and a Do Not Track browser's count nothing", async ({
  page,
  browser,
}) => {
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
  // Other tests' browsers copy links too: what this one adds is counted against what was there.
  const times = async (table: "shares" | "platforms", name: string) => {
    const csv = await (await admin.request.get(`/admin/analytics/export?table=${table}&range=24h`)).text();
    const row = csv.split("\r\n").find((line) => line.startsWith(`${name},`));
    return Number(row?.split(",")[1] ?? 0);
  };
  const [copiedBefore, spotifyBefore] = [await times("shares", "Copy link"), await times("platforms", "Spotify")];

  // The listener also copies an episode's link and opens it on Spotify (the platform's page is not reached here).
  await page
    .context()
    .route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.fulfill({ contentType: "text/html", body: "<title>elsewhere</title>" }));
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  // Clicked once the page is live (its view has gone out): before that no button does anything.
  const viewed = page.waitForResponse((response) => response.url().endsWith("/api/events") && response.request().method() === "POST");
  await page.goto(`/episodes/${REPAIR}`);
  await viewed;
  await page.getByRole("region", { name: "Spread the news" }).getByRole("button", { name: "Copy link" }).click();
  const [platformPage] = await Promise.all([
    page.context().waitForEvent("page"),
    page
      .getByRole("navigation", { name: /Listen & watch on/ })
      .getByRole("link", { name: "Spotify" })
      .click(),
  ]);
  await platformPage.close();

  await expect.poll(() => times("shares", "Copy link")).toBe(copiedBefore + 1);
  await expect.poll(() => times("platforms", "Spotify")).toBe(spotifyBefore + 1);
  await expect(async () => {
    await admin.goto("/admin/analytics?range=24h");
    await expect(admin.getByRole("region", { name: "Visits from" }).getByRole("rowheader", { name: "e2e-campaign" })).toBeVisible({ timeout: 1000 });
    await expect(admin.getByRole("region", { name: "Shared through" }).getByRole("rowheader", { name: "Copy link" })).toBeVisible({ timeout: 1000 });
    await expect(admin.getByRole("region", { name: "Listen & watch on" }).getByRole("rowheader", { name: "Spotify" })).toBeVisible({ timeout: 1000 });
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

    // The home page lists only episodes people listened to this week, at most five.
    const listenedTo = await page.getByRole("region", { name: "Episodes" }).getByRole("rowheader").allTextContents();
    await page.goto("/");
    const titles = await page.getByRole("region", { name: "Most listened this week" }).getByRole("heading", { level: 3 }).allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.length).toBeLessThanOrEqual(5);
    for (const title of titles) expect(listenedTo).toContain(title);
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
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Most listened this week" })).toHaveCount(0);
});
