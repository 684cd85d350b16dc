import { expect, test } from "@playwright/test";

test.describe("a newcomer's first visit", () => {
  test("the home page shows the show, its latest episode and stories", async ({ page }) => {
    await page.goto("/");
    const banner = page.getByRole("banner");
    await expect(banner.getByRole("link", { name: "The Long Signal" })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const name of ["Episodes", "Stories", "Search"]) await expect(nav.getByRole("link", { name })).toBeVisible();

    const featured = page.getByRole("region", { name: "Bridges Nobody Inspects" });
    await expect(featured.getByText("Latest episode")).toBeVisible();
    await expect(featured.getByRole("button", { name: "Play episode" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Recent episodes" }).getByRole("article")).toHaveCount(6);
    await expect(page.getByRole("region", { name: "Latest stories" }).getByRole("article")).toHaveCount(4);
    await expect(page.getByText("Season Three Planning Notes")).toHaveCount(0);
  });

  test("opening an episode shows what a listener needs", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Show notes →" }).click();
    await expect(page).toHaveURL(/\/episodes\/bridges-nobody-inspects$/);
    await expect(page).toHaveTitle("Bridges Nobody Inspects · The Long Signal");
    await expect(page.getByRole("heading", { level: 1, name: "Bridges Nobody Inspects" })).toBeVisible();
    await expect(page.getByText("November 17, 2026")).toBeVisible();
    await expect(page.getByText("· S2 · E8")).toBeVisible();
    await expect(page.getByText("· 58 min")).toBeVisible();

    // The site-wide player fetches nothing until a listener presses play.
    const audio = page.getByTestId("site-player-audio");
    await expect(audio).toHaveAttribute("preload", "none");
    await expect(audio).not.toHaveAttribute("src", /.+/);
    await expect(page.getByRole("region", { name: "Listen" }).getByRole("link", { name: "Download" })).toHaveAttribute("href", "/demo/audio/bridges-3492s.wav");

    const notes = page.getByRole("region", { name: "Show notes" });
    await expect(notes.getByText("06:30 How inspections are scheduled, and skipped")).toBeVisible();
    await expect(notes.getByRole("link", { name: "the open data portal" })).toHaveAttribute("rel", "nofollow ugc noopener");
    // The feed's <script> is gone; the only script in the content is our JSON-LD, which does not run.
    await expect(notes.locator("script")).toHaveCount(0);
    await expect(page.locator('main script:not([type="application/ld+json"])')).toHaveCount(0);
  });

  test("an episode page describes itself to search engines and link previews", async ({ page }) => {
    await page.goto("/episodes/bridges-nobody-inspects");
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd).toMatchObject({ "@type": "PodcastEpisode", name: "Bridges Nobody Inspects", timeRequired: "PT58M12S" });
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", "Bridges Nobody Inspects · The Long Signal");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/episodes\/bridges-nobody-inspects$/);
  });

  test("a shared link with ?t= starts the episode at that moment", async ({ page }) => {
    await page.goto("/episodes/bridges-nobody-inspects?t=0:05");
    await page.getByRole("button", { name: "Play from 0:05" }).click();
    const audio = page.getByTestId("site-player-audio");
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeGreaterThanOrEqual(5);
  });

  test("chapters from the show notes play the episode from that moment", async ({ page }) => {
    await page.goto("/episodes/bridges-nobody-inspects");
    const chapters = page.getByRole("region", { name: "Chapters" });
    await expect(chapters.getByRole("button")).toHaveCount(4);
    await chapters.getByRole("button", { name: /Cold open/ }).click();
    await expect(page.getByRole("region", { name: "Player" })).toBeVisible();
    await expect(chapters.getByRole("button", { name: /Cold open/ })).toHaveAttribute("aria-current", "true");
  });

  test("the player keeps playing while the listener moves around the site", async ({ page }) => {
    await page.goto("/episodes/bridges-nobody-inspects");
    await page.getByRole("button", { name: "Play episode" }).click();
    const player = page.getByRole("region", { name: "Player" });
    await expect(player.getByRole("link", { name: "Bridges Nobody Inspects" })).toBeVisible();
    await expect(player.getByRole("button", { name: "Pause" })).toBeVisible();
    const audio = page.getByTestId("site-player-audio");
    await expect(audio).toHaveAttribute("src", "/demo/audio/bridges-3492s.wav");
    await audio.evaluate((element) => element.setAttribute("data-session", "first-page"));

    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stories" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
    await expect(audio).toHaveAttribute("data-session", "first-page");
    const before = await audio.evaluate((element: HTMLAudioElement) => element.currentTime);
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeGreaterThan(before);
    await expect(player.getByRole("button", { name: "Pause" })).toBeVisible();

    await player.getByRole("button", { name: "Pause" }).click();
    await expect(player.getByRole("button", { name: "Play" })).toBeVisible();
  });

  test("after a reload the player comes back paused where the listener left it, at their speed, in every tab", async ({ page }) => {
    await page.goto("/episodes/bridges-nobody-inspects");
    await page
      .getByRole("region", { name: "Chapters" })
      .getByRole("button", { name: /How inspections are scheduled/ })
      .click();
    const player = page.getByRole("region", { name: "Player" });
    const audio = page.getByTestId("site-player-audio");
    const position = () => audio.evaluate((element: HTMLAudioElement) => element.currentTime);
    await expect.poll(position).toBeGreaterThan(6 * 60 + 31);
    await player.getByLabel("Playback speed").selectOption("1.5");
    await player.getByRole("button", { name: "Pause" }).click();
    const left = Math.floor(await position());

    await page.reload();
    const resumeLabel = `Resume from ${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`;
    await expect(player.getByRole("button", { name: resumeLabel })).toBeVisible();
    await expect(player.getByLabel("Playback speed")).toHaveValue("1.5");
    // The page's own button says the same: the player holds this episode, paused part-way.
    await expect(page.getByRole("region", { name: "Listen" }).getByRole("button", { name: resumeLabel })).toBeVisible();
    expect(await audio.evaluate((element: HTMLAudioElement) => element.paused)).toBe(true);

    await player.getByRole("button", { name: resumeLabel }).click();
    await expect.poll(position).toBeGreaterThan(left);
    expect(await audio.evaluate((element: HTMLAudioElement) => element.playbackRate)).toBe(1.5);

    const tab = await page.context().newPage();
    await tab.goto("/stories");
    await expect(tab.getByRole("region", { name: "Player" }).getByRole("link", { name: "Bridges Nobody Inspects" })).toBeVisible();
    await tab.close();
  });

  test("the episodes index lists every episode and leads to each", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Episodes" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Episodes" })).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(8);
    await page.getByRole("link", { name: "Who Owns the Map?" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Who Owns the Map?" })).toBeVisible();
    await expect(page.getByText("Explicit", { exact: true })).toBeVisible();
  });

  test("the episodes index filters by season with a plain form", async ({ page }) => {
    await page.goto("/episodes");
    await page.getByLabel("Season").selectOption("1");
    await page.getByRole("button", { name: "Show episodes" }).click();
    await expect(page).toHaveURL(/\/episodes\?season=1$/);
    await expect(page.getByRole("article")).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Water Meters Are Listening" })).toBeVisible();
    await page.getByRole("link", { name: "Clear filters" }).click();
    await expect(page.getByRole("article")).toHaveCount(8);
  });

  test("a story reads as an article", async ({ page }) => {
    await page.goto("/stories");
    await expect(page.getByRole("article")).toHaveCount(4);
    await page.getByRole("link", { name: /One Inspector, 412 Bridges/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: /One Inspector, 412 Bridges/ })).toBeVisible();
    // The first byline is the story's own; related stories below carry theirs.
    const byline = page
      .getByRole("article")
      .getByText(/^By Maya Okafor/)
      .first();
    await expect(byline).toContainText("November 18, 2026");
    await expect(byline).toContainText(/\d+ min read/);
    await expect(page.getByRole("heading", { level: 2, name: "How the backlog grows" })).toBeVisible();
  });

  test("search finds episodes and stories", async ({ page }) => {
    await page.goto("/search");
    await page.getByRole("searchbox", { name: "Search episodes and stories" }).fill("bridge");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=bridge&/);
    await expect(page.getByRole("region", { name: "Episodes" }).getByRole("link", { name: "Bridges Nobody Inspects" })).toBeVisible();
    await expect(page.getByRole("region", { name: "Stories" }).getByRole("link", { name: /One Inspector/ })).toBeVisible();
  });

  test("a word said in a transcript finds the episode and plays it from that moment", async ({ page }) => {
    await page.goto("/search?q=%22parts+pairing%22&type=episodes");
    const episodes = page.getByRole("region", { name: "Episodes" });
    await expect(episodes.getByRole("link", { name: "The Quiet Economics of Repair Shops" })).toBeVisible();
    await expect(episodes.locator("mark")).toHaveText(["parts", "pairing"]);
    await episodes.getByRole("link", { name: "Said at 0:04: play from there" }).click();
    await expect(page).toHaveURL(/\/episodes\/the-quiet-economics-of-repair-shops\?t=4$/);
    await expect(page.getByRole("button", { name: "Play from 0:04" })).toBeVisible();
  });

  test("the header search box suggests titles while typing, chosen with the keyboard", async ({ page }) => {
    await page.goto("/stories");
    const box = page.getByRole("banner").getByRole("combobox", { name: "Search" });
    await box.fill("bridg");
    const options = page.getByRole("listbox", { name: "Suggestions" }).getByRole("option");
    await expect(options.filter({ hasText: "Bridges Nobody Inspects" })).toBeVisible();
    await box.press("ArrowDown");
    await box.press("ArrowDown");
    const second = options.nth(1);
    await expect(second).toHaveAttribute("aria-selected", "true");
    const title = (await second.textContent())!.replace(/^(Episode|Story)/, "");
    await box.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });

  test("an unknown episode is a real 404 with a way back", async ({ page }) => {
    const response = await page.goto("/episodes/no-such-episode");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "This page is not on the air" })).toBeVisible();
    await page.getByRole("link", { name: "Browse all episodes" }).click();
    await expect(page).toHaveURL(/\/episodes$/);
  });
});
