import { expect, test, type Page } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "./server-address";

async function signInWithToken(page: Page) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await page.goto(new URL("/admin/feeds", page.url()).toString());
  await expect(page.getByRole("heading", { level: 1, name: "Feeds" })).toBeVisible();
  const session = (await page.context().cookies()).find((cookie) => cookie.name === "showfront_admin");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/admin" });
}

// The demo show's episode about bridges: the story written here links it from a moment.
const EPISODE = "bridges-nobody-inspects";

test("an editor writes and publishes a story; readers see it with its related episode and listen from it", async ({ page }) => {
  await signInWithToken(page);
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Stories" }).click();
  await page.getByRole("link", { name: "New story" }).click();

  await page.getByLabel("Body (Markdown)").fill("The **backlog** keeps growing.\n\n<img src=x onerror=alert(1)>\n\n## Overdue inspections\n\nMore to come.");
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.locator("strong")).toHaveText("backlog");
  await expect(preview.getByRole("heading", { name: "Overdue inspections" })).toBeVisible();
  await expect(preview.locator("img")).toHaveCount(0);
  // The preview answering shows the editor is live: the other fields are filled after it.
  await page.getByLabel("Headline", { exact: true }).fill("Who inspects the county's bridges?");
  await page.getByLabel("Dek (the line under the headline)").fill("One inspector, hundreds of bridges.");
  await page.getByLabel("Categories (comma-separated)").fill("Infrastructure");
  await page.getByLabel(/Linked episodes/).fill(`${EPISODE} @ 0:05`);
  await page.getByLabel("Status").selectOption("PUBLISHED");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").getByText("Saved.")).toBeVisible();

  await page.getByRole("link", { name: "View on the site" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Who inspects the county's bridges?" })).toBeVisible();
  await expect(page.getByText("min read")).toBeVisible();
  const related = page.getByRole("region", { name: "Related episodes" });
  await expect(related.getByRole("link", { name: "Bridges Nobody Inspects" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Infrastructure" }).first()).toBeVisible();

  const listen = page.getByRole("region", { name: "Listen" });
  await listen.getByRole("button", { name: "Play from 0:05" }).click();
  await expect(listen.getByRole("button", { name: "Pause" })).toBeVisible();
  const player = page.getByRole("region", { name: "Player" });
  await expect(player.getByRole("link", { name: "Bridges Nobody Inspects" })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.querySelector("audio")?.currentTime ?? 0)).toBeGreaterThanOrEqual(5);

  await page.goto("/stories");
  await expect(page.getByRole("link", { name: "Who inspects the county's bridges?" })).toBeVisible();
  await page.getByRole("navigation", { name: "Story categories" }).getByRole("link", { name: "Infrastructure" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Infrastructure" })).toBeVisible();
});

test("an admin brings a WordPress export over: report first, then the import; old addresses redirect", async ({ page }) => {
  await signInWithToken(page);
  await page.goto("/admin/stories/import");

  await page.getByLabel("Export file (.xml)").setInputFiles({
    name: "hostile.xml",
    mimeType: "text/xml",
    buffer: Buffer.from('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><title>&x;</title></channel></rss>'),
  });
  await page.getByRole("button", { name: "Read the file" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "DOCTYPE" })).toBeVisible();

  await page.getByLabel("Export file (.xml)").setInputFiles("tests/fixtures/wordpress/export.xml");
  await page.getByRole("button", { name: "Read the file" }).click();
  const report = page.getByRole("table", { name: "What the import does" });
  await expect(report.getByRole("row", { name: /Stories and pages to create/ })).toContainText("4");
  await expect(report.getByRole("row", { name: /Approved comments to add/ })).toContainText("3");
  await expect(page.getByText("Nothing imported yet.")).toBeVisible();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await expect(page.getByText("Imported: 4 stories and pages.")).toBeVisible({ timeout: 30_000 });

  await page.goto("/?p=41");
  await expect(page).toHaveURL(/\/stories\/inspectors-cant-keep-up$/);
  await expect(page.getByRole("heading", { level: 1, name: "Inspectors Can’t Keep Up With the County’s Bridges" })).toBeVisible();
  await expect(page.getByText("Dee from Eastside").first()).toBeVisible();
  await page.goto("/2024/07/02/caf%C3%A9-%C3%A9t%C3%A9/");
  await expect(page).toHaveURL(/\/stories\/cafe-ete$/);
  await page.goto("/about/");
  await expect(page).toHaveURL(/\/stories\/about$/);
  const missing = await page.goto("/no-such-wordpress-page/");
  expect(missing?.status()).toBe(404);
});
