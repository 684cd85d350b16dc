import { expect, test } from "@playwright/test";
import { startFeedServer, type FeedServer } from "../setup/feed-server";
import { E2E_ADMIN_TOKEN } from "./server-address";

const FEED = `<?xml version="1.0"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
<title>Harbor Hours</title><description>A test show about ports.</description>
<item><title>Cranes at Dawn</title><guid>harbor-1</guid><pubDate>Mon, 05 Jan 2015 06:00:00 GMT</pubDate>
<itunes:duration>31:00</itunes:duration><enclosure url="https://media.example.org/harbor-1.mp3" length="1" type="audio/mpeg"/></item>
<item><title>The Pilot Boat</title><guid>harbor-2</guid><pubDate>Mon, 12 Jan 2015 06:00:00 GMT</pubDate>
<itunes:duration>29:00</itunes:duration><enclosure url="https://media.example.org/harbor-2.mp3" length="1" type="audio/mpeg"/></item>
</channel></rss>`;

let feeds: FeedServer;
test.beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.routes.set("/harbor.xml", { body: FEED });
});
test.afterAll(() => feeds.close());

test.describe.configure({ mode: "serial" });

test("the admin is closed without the token", async ({ page }) => {
  await page.goto("/admin/feeds");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.getByLabel("Admin token").fill("not-the-token");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("That is not the admin token.")).toBeVisible();
});

test("an admin adds a show's feed and its episodes appear on the site", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Feeds" })).toBeVisible();

  await page.getByLabel("Feed or show page address").fill(feeds.url("/harbor.xml"));
  await page.getByLabel("Kind").selectOption("PODCAST");
  await page.getByRole("button", { name: "Add and import" }).click();
  await expect(page.getByText(/Added .*harbor\.xml: 2 new/)).toBeVisible();

  await page.reload();
  const sources = page.getByRole("region", { name: "Sources" });
  await expect(sources.getByText("Harbor Hours")).toBeVisible();
  await expect(sources.getByText("2 episodes")).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent runs" }).getByText("imported (HTTP 200)")).toBeVisible();

  const row = sources.getByRole("row", { name: /Harbor Hours/ });
  await row.getByText(feeds.url("/harbor.xml")).click();
  await row.getByLabel("New address").fill(feeds.url("/harbor-moved.xml"));
  await row.getByRole("button", { name: "Save address" }).click();
  await expect(row.getByText("Address saved: the next sync fetches it.")).toBeVisible();

  feeds.routes.set("/harbor-moved.xml", { body: FEED });
  await row.getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Sync queued|Synced:/)).toBeVisible();
  await expect.poll(() => feeds.requests.some((request) => request.path === "/harbor-moved.xml"), { timeout: 15_000 }).toBe(true);

  await page.goto("/search?q=pilot+boat");
  await page.getByRole("link", { name: "The Pilot Boat" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The Pilot Boat" })).toBeVisible();
  const listenOn = page.getByRole("navigation", { name: "Listen & watch on" });
  await expect(listenOn.getByRole("link", { name: "RSS" })).toHaveAttribute("href", feeds.url("/harbor.xml"));
});

test("signing out closes the admin again", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.goto("/admin/links");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
});
