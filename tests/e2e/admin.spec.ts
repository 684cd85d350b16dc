import { expect, test, type Page } from "@playwright/test";
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

// Harbor Hours' YouTube channel, in YouTube's shape (the demo show's platform links are demo links, so a real
// show's channel is what shows the Watch tab's player).
const YOUTUBE = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns="http://www.w3.org/2005/Atom">
<title>Harbor Hours</title><link rel="alternate" href="https://www.youtube.com/channel/UCharborhours000000000000"/>
<entry><id>yt:video:harborvid01</id><yt:videoId>harborvid01</yt:videoId><title>CRANES AT DAWN | Harbor Hours (Full Episode)</title>
<link rel="alternate" href="https://www.youtube.com/watch?v=harborvid01"/><published>2015-01-05T15:00:00+00:00</published></entry>
</feed>`;

let feeds: FeedServer;
test.beforeAll(async () => {
  feeds = await startFeedServer();
  feeds.routes.set("/harbor.xml", { body: FEED });
  feeds.routes.set("/youtube.xml", { body: YOUTUBE });
});
test.afterAll(() => feeds.close());

test.describe.configure({ mode: "serial" });

/** Signs in with the admin token, which opens the dashboard, then goes to Feeds. */
async function signInToFeeds(page: Page) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await page.goto("/admin/feeds");
  await expect(page.getByRole("heading", { level: 1, name: "Feeds" })).toBeVisible();
}

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
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  // What needs the admin: the demo's Spotify link that matched only loosely; the audience at a glance.
  await expect(page.getByRole("region", { name: "Needs you" }).getByRole("link", { name: "1 link to review" })).toHaveAttribute("href", "/admin/links");
  await expect(page.getByRole("figure", { name: "New subscribers, week by week" })).toBeVisible();
  await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Feeds" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Feeds" })).toBeVisible();

  await page.getByLabel("Feed or show page address").fill(feeds.url("/harbor.xml"));
  await page.getByLabel("Kind").selectOption("PODCAST");
  await page.getByRole("button", { name: "Add and import" }).click();
  await expect(page.getByText(/Added .*harbor\.xml: 2 new/)).toBeVisible();

  await page.reload();
  const sources = page.getByRole("region", { name: "Sources" });
  await expect(sources.getByText("Harbor Hours")).toBeVisible();
  await expect(sources.getByText("2 episodes")).toBeVisible();
  const added = page.getByRole("region", { name: "Recent runs" }).getByRole("row").filter({ hasText: "Harbor Hours" });
  await expect(added.getByText("imported (HTTP 200)")).toBeVisible();
  await expect(added.getByRole("cell", { name: "adding the source" })).toBeVisible();

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

test("a feed that comes back empty is flagged in the admin, and its episodes stay on the site", async ({ page }) => {
  await signInToFeeds(page);
  // The host's outage page: the same channel, no items.
  feeds.routes.set("/harbor-moved.xml", { body: FEED.replace(/<item>[\s\S]*<\/item>/, "") });
  const row = page.getByRole("region", { name: "Sources" }).getByRole("row", { name: /Harbor Hours/ });
  await row.getByRole("button", { name: "Sync now" }).click();
  const runs = page.getByRole("region", { name: "Recent runs" });
  await expect
    .poll(
      async () => {
        await page.reload();
        return runs.getByText("Suspicious:").count();
      },
      { timeout: 30_000 },
    )
    .toBeGreaterThan(0);
  await expect(runs.getByText(/lists 0 items where it had 2: 2 episodes were not marked gone/)).toBeVisible();
  await expect(runs.getByText("(2 held back from gone)")).toBeVisible();

  await page.goto("/search?q=pilot+boat");
  await page.getByRole("link", { name: "The Pilot Boat" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The Pilot Boat" })).toBeVisible();
  await expect(page.getByText("This episode is no longer in the show's feed.")).toHaveCount(0);
});

test("with the show's YouTube channel added, the Watch tab plays the video, and asks YouTube for nothing before", async ({ page }) => {
  await signInToFeeds(page);
  await page.getByLabel("Feed or show page address").fill(feeds.url("/youtube.xml"));
  await page.getByLabel("Kind").selectOption("YOUTUBE");
  await page.getByRole("combobox", { name: /^Show/ }).selectOption("harbor-hours");
  await page.getByRole("button", { name: "Add and import" }).click();
  await expect(page.getByText(/Added .*youtube\.xml/)).toBeVisible();

  // The video frame is answered here: nothing leaves the machine, and every request to YouTube is counted.
  const youtubeRequests: string[] = [];
  await page.route(/youtube(-nocookie)?\.com|ytimg\.com|googlevideo\.com/, (route) => {
    youtubeRequests.push(route.request().url());
    return route.fulfill({ contentType: "text/html", body: "<!doctype html><title>video</title><p>video player</p>" });
  });
  await page.goto("/episodes/cranes-at-dawn");
  await expect(page.getByRole("navigation", { name: "Listen & watch on" }).getByRole("link", { name: "YouTube" })).toHaveAttribute(
    "href",
    "https://www.youtube.com/watch?v=harborvid01",
  );
  const listen = page.getByRole("region", { name: "Listen" });
  await listen.getByRole("tab", { name: "Watch" }).click();
  await expect(listen.getByRole("tabpanel")).toContainText("YouTube may set cookies");
  expect(youtubeRequests).toEqual([]);

  await listen.getByRole("button", { name: "Play the video from YouTube" }).click();
  await expect(listen.locator("iframe")).toHaveAttribute("src", "https://www.youtube-nocookie.com/embed/harborvid01?autoplay=1&rel=0");
  await expect.poll(() => youtubeRequests).toContain("https://www.youtube-nocookie.com/embed/harborvid01?autoplay=1&rel=0");
  await listen.getByRole("tab", { name: "Listen" }).click();
  await expect(listen.getByRole("button", { name: "Play episode" })).toBeVisible();
});

test("a producer pastes the show's platform pages and an episode's own page; the episode's row has them at once", async ({ page }) => {
  await signInToFeeds(page);
  const pages = page.getByRole("region", { name: "Shows on the platforms" });
  const form = pages.locator("form").filter({ has: page.getByRole("heading", { name: "Harbor Hours" }) });
  await form.getByLabel("Apple Podcasts page of Harbor Hours").fill("https://example.com/harbor");
  await form.getByRole("button", { name: "Save Harbor Hours's pages" }).click();
  await expect(form.getByText(/That is not a show's page on Apple Podcasts/)).toBeVisible();
  await form.getByLabel("Apple Podcasts page of Harbor Hours").fill("");
  await form.getByLabel("Spotify page of Harbor Hours").fill("https://open.spotify.com/show/3IM0lmZxpFAY7CwMuv9H4g");
  await form.getByLabel("Rumble page of Harbor Hours").fill("https://rumble.com/c/HarborHours");
  await form.getByRole("button", { name: "Save Harbor Hours's pages" }).click();
  await expect(form.getByText(/^Saved Harbor Hours's pages on the platforms\. Spotify's episode links need SPOTIFY_CLIENT_ID/)).toBeVisible();

  await page.goto("/admin/links");
  const byHand = page.getByRole("region", { name: "Link an episode by hand" });
  await byHand.getByRole("combobox", { name: /^Episode/ }).selectOption("the-pilot-boat");
  await byHand.getByRole("combobox", { name: /^Platform/ }).selectOption("apple");
  await byHand.getByLabel("The episode's page there").fill("https://podcasts.apple.com/us/podcast/the-pilot-boat/id123456789?i=1000000000002");
  await byHand.getByRole("button", { name: "Link" }).click();
  await expect(byHand.getByText(/^Linked:/)).toBeVisible();

  await page.goto("/episodes/the-pilot-boat");
  const row = page.getByRole("navigation", { name: "Listen & watch on" });
  await expect(row.getByRole("link", { name: "Apple Podcasts" })).toHaveAttribute(
    "href",
    "https://podcasts.apple.com/us/podcast/the-pilot-boat/id123456789?i=1000000000002",
  );
  await expect(row.getByRole("link", { name: "Apple Podcasts" })).toHaveAttribute("title", "This episode on Apple Podcasts");
  await expect(row.getByRole("link", { name: "Spotify" })).toHaveAttribute("href", "https://open.spotify.com/show/3IM0lmZxpFAY7CwMuv9H4g");
  await expect(row.getByRole("link", { name: "Rumble" })).toHaveAttribute("href", "https://rumble.com/c/HarborHours");
});

test("signing out closes the admin again, and a copy of the old cookie opens nothing", async ({ page, playwright }) => {
  await signInToFeeds(page);
  // On a phone the admin's menu wraps instead of running off the screen.
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.goto("/admin/feeds");
  const kept = (await page.context().cookies()).find((cookie) => cookie.name === "showfront_admin")!;
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  await page.goto("/admin/links");
  await expect(page).toHaveURL(/\/admin\/sign-in$/);
  // Replayed after sign-out, the cookie names a session that no longer exists.
  const replay = await playwright.request.newContext({ baseURL: new URL(page.url()).origin, extraHTTPHeaders: { cookie: `showfront_admin=${kept.value}` } });
  const answer = await replay.get("/admin/feeds", { maxRedirects: 0 });
  expect(answer.status()).toBe(307);
  expect(answer.headers().location).toMatch(/\/admin\/sign-in$/);
  await replay.dispose();
});
