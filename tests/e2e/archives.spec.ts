// Pages a show's listeners and search engines reach besides episodes and stories: the show's own page, a page per
// person, and the addresses a site that moved from WordPress still has out there.
import { expect, test } from "@playwright/test";

test("the show has a page of its own, with its platforms and episodes, titled by the show", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("The Long Signal");
  await page.goto("/episodes/bridges-nobody-inspects");
  await page.getByRole("article").getByRole("link", { name: "The Long Signal", exact: true }).first().click();
  await expect(page).toHaveURL(/\/shows\/the-long-signal$/);
  await expect(page).toHaveTitle("The Long Signal");
  await expect(page.getByRole("heading", { level: 1, name: "The Long Signal" })).toBeVisible();
  const row = page.getByRole("navigation", { name: "Listen & watch on" });
  for (const label of ["Apple Podcasts", "Spotify", "YouTube", "Rumble", "RSS"])
    await expect(row.getByRole("link", { name: label, exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Episodes" }).getByRole("article")).toHaveCount(8);
  await expect(page.getByRole("region", { name: "Stay up to date" })).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  expect(jsonLd).toMatchObject({ "@type": "PodcastSeries", name: "The Long Signal" });

  await page.goto("/embed/episodes/bridges-nobody-inspects");
  await expect(page).toHaveTitle("Bridges Nobody Inspects · The Long Signal");
});

test("a person's name leads to their page: the episodes they are on and the stories they wrote", async ({ page }) => {
  await page.goto("/episodes/bridges-nobody-inspects");
  await page.getByRole("region", { name: "People" }).getByRole("link", { name: "Maya Okafor" }).click();
  await expect(page).toHaveURL(/\/people\/maya-okafor$/);
  await expect(page.getByRole("heading", { level: 1, name: "Maya Okafor" })).toBeVisible();
  await expect(page.getByRole("region", { name: /episodes?$/ }).getByRole("link", { name: "Bridges Nobody Inspects" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Stories by Maya Okafor" }).getByRole("article").first()).toBeVisible();
  expect((await page.request.get("/people/nobody-at-all")).status()).toBe(404);
});

test("WordPress's category, author, date-archive and feed addresses lead to their pages here", async ({ page, request }) => {
  const target = async (path: string) => {
    const response = await request.get(path, { maxRedirects: 0 });
    expect([path, response.status()]).toEqual([path, 308]);
    return new URL(response.headers().location!, "http://x").pathname + new URL(response.headers().location!, "http://x").search;
  };
  const follow = async (path: string) => {
    let location = path;
    for (let hop = 0; hop < 3 && !location.startsWith("/stories") && !location.startsWith("/people"); hop += 1) location = await target(location);
    return location;
  };
  expect(await follow("/category/infrastructure/")).toBe("/stories/category/infrastructure");
  expect(await follow("/category/news/infrastructure/page/2/")).toBe("/stories/category/infrastructure?page=2");
  expect(await follow("/author/maya-okafor/")).toBe("/people/maya-okafor");
  expect(await follow("/2026/11/")).toBe("/stories?period=2026-11");
  expect(await follow("/2026/11/18/")).toBe("/stories?period=2026-11-18");
  expect(await follow("/2026/")).toBe("/stories?period=2026");
  expect(await follow("/?m=202611")).toBe("/stories?period=2026-11");
  expect(await follow("/feed/")).toBe("/stories/feed.xml");
  for (const missing of ["/tag/no-such-tag/", "/author/nobody/", "/2026/13/", "/category/none/page/x/"]) {
    const response = await request.get(missing);
    expect([missing, response.status()]).toEqual([missing, 404]);
  }

  await page.goto("/2026/11/");
  await expect(page.getByRole("heading", { level: 1, name: "Stories from November 2026" })).toBeVisible();
  await expect(page.getByRole("link", { name: /One Inspector, 412 Bridges/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Who Draws the Map/ })).toHaveCount(0);
});
