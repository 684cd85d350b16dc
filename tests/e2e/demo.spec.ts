// The demo a newcomer gets from `npm run dev`: the whole product on an episode and a story, in the order of the seed
// page (listen & watch on, photo, body, newsletter, related episodes, related stories, comments).
import { expect, test, type Locator, type Page } from "@playwright/test";

const PLATFORMS = [
  ["Apple Podcasts", "https://podcasts.apple.com/"],
  ["Spotify", "https://open.spotify.com/"],
  ["YouTube", "https://www.youtube.com/"],
  ["Rumble", "https://rumble.com/"],
] as const;

async function expectInOrder(parts: Locator[]) {
  const tops: number[] = [];
  for (const part of parts) {
    await expect(part).toBeVisible();
    tops.push((await part.boundingBox())!.y);
  }
  expect(tops).toEqual([...tops].sort((a, b) => a - b));
}

async function expectDemoPlatformRow(page: Page) {
  const row = page.getByRole("navigation", { name: "Listen & watch on" });
  for (const [label, home] of PLATFORMS) {
    const link = row.getByRole("link", { name: label, exact: true });
    // Clearly a demo link: it opens the platform's home, and says so.
    await expect(link).toHaveAttribute("href", home);
    await expect(link).toHaveAttribute("title", new RegExp(`^Demo link: .*${label}`));
  }
  return row;
}

const imageLoaded = (image: Locator) => image.evaluate((element: HTMLImageElement) => element.complete && element.naturalWidth > 0);

test.describe("the demo", () => {
  test("an episode shows the whole product in the seed page's order, and a chapter past the first minute plays", async ({ page }) => {
    await page.goto("/episodes/bridges-nobody-inspects");
    await expect.poll(() => imageLoaded(page.locator("article header img").first())).toBe(true);
    const row = await expectDemoPlatformRow(page);

    // The Watch tab: the demo show has no real video, and says so instead of loading a player.
    await page.getByRole("tab", { name: "Watch" }).click();
    await expect(page.getByText("This is the demo show, which has no real video")).toBeVisible();
    await page.getByRole("tab", { name: "Listen" }).click();

    const comments = page.getByRole("region", { name: "Comments" });
    await expectInOrder([
      page.getByRole("heading", { level: 1, name: "Bridges Nobody Inspects" }),
      row,
      page.getByRole("region", { name: "Show notes" }),
      page.getByRole("region", { name: "Stay up to date" }),
      page.getByRole("region", { name: "Related episodes" }),
      page.getByRole("region", { name: "Related stories" }),
      comments,
    ]);

    // Readers' threads: replies, likes, and comments tied to a moment of the episode.
    await comments.scrollIntoViewIfNeeded();
    const first = comments.getByRole("article", { name: "Comment by Priya Natarajan" }).first();
    await expect(first.getByText("3 likes")).toBeVisible();
    await expect(first.getByRole("article", { name: "Comment by Tom Becker" })).toBeVisible();
    await expect(comments.getByRole("button", { name: "At 24:10" })).toBeVisible();
    await expect(comments.getByText("Cheap inspection kits")).toHaveCount(0);

    // The chapter at 24:10 plays from there: the audio is as long as the episode.
    await page
      .getByRole("region", { name: "Chapters" })
      .getByRole("button", { name: /sensor pilot/ })
      .click();
    const audio = page.getByTestId("site-player-audio");
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration)).toBeCloseTo(58 * 60 + 12, 0);
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeGreaterThan(24 * 60 + 10.5);
  });

  test("a story shows the row under its headline, then its photo with the credit, and its episode from the moment it is about", async ({ page }) => {
    await page.goto("/stories/county-bridge-inspections-backlog");
    const row = await expectDemoPlatformRow(page);
    const photo = page.getByRole("figure");
    await expect(photo.getByText("(Illustration: The Long Signal)")).toBeVisible();
    await expect.poll(() => imageLoaded(photo.getByRole("img"))).toBe(true);

    const comments = page.getByRole("region", { name: "Comments" });
    await expectInOrder([
      page.getByRole("heading", { level: 1 }),
      row,
      photo,
      page.getByText("When the county's only bridge inspector starts her truck"),
      page.getByRole("region", { name: "Stay up to date" }),
      page.getByRole("region", { name: "Related episodes" }),
      page.getByRole("region", { name: "Related stories" }),
      comments,
    ]);
    await expect(comments.getByRole("article", { name: "Comment by Ana Lima" })).toBeVisible();

    await page.getByRole("region", { name: "Listen" }).getByRole("button", { name: "Play from 6:30" }).click();
    const audio = page.getByTestId("site-player-audio");
    await expect(audio).toHaveAttribute("src", "/demo/audio/bridges-3492s.wav");
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeGreaterThan(6 * 60 + 30);
  });

  test("a story read aloud plays its own audio, as long as the page says", async ({ page }) => {
    await page.goto("/stories/who-draws-the-map");
    await page.getByRole("region", { name: "Listen" }).getByRole("button", { name: "Listen" }).click();
    const audio = page.getByTestId("site-player-audio");
    await expect(audio).toHaveAttribute("src", /^\/demo\/audio\/who-draws-the-map-214s\.wav$/);
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.duration)).toBeCloseTo(214, 0);
  });
});
