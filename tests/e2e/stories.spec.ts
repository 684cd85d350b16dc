import { expect, test } from "@playwright/test";
import { E2E_ADMIN_TOKEN } from "./server-address";

// The demo show's episode about bridges: the story written here links it from a moment.
const EPISODE = "bridges-nobody-inspects";

test("an editor writes and publishes a story; readers see it with its related episode and listen from it", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
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
