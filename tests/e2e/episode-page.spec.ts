import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const REPAIR = "/episodes/the-quiet-economics-of-repair-shops";
const BRIDGES = "/episodes/bridges-nobody-inspects";

const currentTime = (page: Page) => page.getByTestId("site-player-audio").evaluate((element: HTMLAudioElement) => element.currentTime);

test.describe("an episode page", () => {
  test("shows the chapters file, the transcript and the people from the feed", async ({ page }) => {
    await page.goto(REPAIR);
    const chapters = page.getByRole("region", { name: "Chapters" });
    // The chapters file has four entries; the one marked toc:false only changes artwork.
    await expect(chapters.getByRole("button")).toHaveCount(3);
    await expect(chapters.getByRole("link", { name: /Link for Why parts pairing/ })).toHaveAttribute("href", "https://repair.example.org/parts-pairing");

    const transcript = page.getByRole("region", { name: "Transcript" });
    // The lines load when the listener scrolls near them.
    await transcript.scrollIntoViewIfNeeded();
    await expect(transcript.getByRole("listitem")).toHaveCount(6);
    await expect(transcript.getByRole("listitem").first()).toContainText("Dan Reyes: It's Saturday morning");

    const people = page.getByRole("region", { name: "People" });
    await expect(people.getByRole("listitem")).toHaveText([/Dan Reyes\s*Host/, /Lena Marsh\s*Guest/]);
    // A name leads to the person's page here; the page the feed gives for them is their website.
    await expect(people.getByRole("link", { name: "Dan Reyes" })).toHaveAttribute("href", "/people/dan-reyes");
    await expect(people.getByRole("listitem").first().getByRole("link", { name: "Website" })).toHaveAttribute("href", "https://longsignal.example/hosts/dan");
  });

  test("a transcript line plays the episode from there and stays marked while it is spoken", async ({ page }) => {
    await page.goto(REPAIR);
    const transcript = page.getByRole("region", { name: "Transcript" });
    await transcript.scrollIntoViewIfNeeded();
    await transcript.getByRole("button", { name: /More than the rent/ }).click();
    await expect(page.getByRole("region", { name: "Player" })).toBeVisible();
    await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(6);
    const marked = transcript.locator('li[aria-current="true"]');
    await expect(marked).toHaveCount(1);
    await expect(marked).toContainText(/0:(06|08|10)/);
  });

  test("the whole transcript has a page of its own whose times open the episode at that moment", async ({ page }) => {
    await page.goto(REPAIR);
    await page.getByRole("link", { name: "Read the whole transcript on its own page" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "The Quiet Economics of Repair Shops" })).toBeVisible();
    await expect(page.getByRole("article").getByRole("listitem")).toHaveCount(6);
    await page.getByRole("link", { name: "0:08" }).click();
    await expect(page).toHaveURL(/\/episodes\/the-quiet-economics-of-repair-shops\?t=8$/);
    await expect(page.getByRole("button", { name: "Play from 0:08" })).toBeVisible();
  });

  test("the transcript search narrows the lines and says when nothing matches", async ({ page }) => {
    await page.goto(REPAIR);
    const transcript = page.getByRole("region", { name: "Transcript" });
    const search = transcript.getByRole("searchbox", { name: "Search the transcript" });
    await search.fill("rent");
    await expect(transcript.getByRole("listitem")).toHaveCount(1);
    await expect(transcript.locator("mark")).toHaveText("rent");
    await search.fill("zeppelin");
    await expect(transcript.getByText("No line says “zeppelin”.")).toBeVisible();
  });

  test("Spread the news copies the link, and can share the moment being played", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(BRIDGES);
    const share = page.getByRole("region", { name: "Spread the news" });
    await share.getByRole("button", { name: "Copy link" }).click();
    await expect(share.getByText("Link copied.")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(/^http:\/\/[^/]+\/episodes\/bridges-nobody-inspects$/);
    await expect(share.getByRole("link", { name: "LinkedIn" })).toHaveAttribute(
      "href",
      /linkedin\.com\/sharing\/share-offsite\/\?url=http%3A%2F%2F.*bridges-nobody-inspects$/,
    );

    await page.getByRole("region", { name: "Listen" }).getByRole("button", { name: "Play episode" }).click();
    await expect.poll(() => currentTime(page)).toBeGreaterThanOrEqual(2);
    await share.getByRole("checkbox", { name: /Share from this moment/ }).check();
    await expect(share.getByRole("link", { name: "E-mail" })).toHaveAttribute("href", /bridges-nobody-inspects%3Ft%3D\d+/);
  });

  test("an episode's Open Graph image is its artwork, and its generated share card (for an episode without any) answers", async ({ page, request }) => {
    await page.goto(BRIDGES);
    const image = await page.locator('meta[property="og:image"]').getAttribute("content");
    expect(image).toMatch(/\/media\/demo\/cover-[a-z-]+\.webp$/);
    const artwork = await request.get(new URL(image!).pathname);
    expect([artwork.status(), artwork.headers()["content-type"]]).toEqual([200, "image/webp"]);
    const response = await request.get("/og/episodes/bridges-nobody-inspects");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    expect((await response.body()).subarray(1, 4).toString()).toBe("PNG");
  });

  for (const path of [BRIDGES, REPAIR, "/", "/search?q=parts+pairing"]) {
    test(`${path} has no accessibility violations (axe-core)`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const results = await new AxeBuilder({ page }).analyze();
      expect(
        results.violations.map((violation) => `${violation.id}: ${violation.help} at ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`),
      ).toEqual([]);
    });
  }

  test("nothing shifts while the page loads or when the player appears", async ({ page }) => {
    await page.addInitScript(() => {
      const shifts: number[] = [];
      (window as unknown as { layoutShifts: number[] }).layoutShifts = shifts;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) shifts.push(entry.value);
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${BRIDGES}?t=0:03`);
    await expect(page.getByRole("button", { name: "Play from 0:03" })).toBeVisible();
    await page.getByRole("button", { name: "Play from 0:03" }).click();
    await expect(page.getByRole("region", { name: "Player" })).toBeVisible();
    await page.waitForTimeout(500);
    const total = await page.evaluate(() => (window as unknown as { layoutShifts: number[] }).layoutShifts.reduce((sum, value) => sum + value, 0));
    expect(total).toBeLessThan(0.01);
  });
});
