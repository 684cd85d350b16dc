import { expect, test } from "@playwright/test";

test.describe("what brings listeners in", () => {
  test("the show's podcast feed is served with validators and answers 304 when unchanged", async ({ request }) => {
    const first = await request.get("/shows/the-long-signal/feed.xml");
    expect(first.status()).toBe(200);
    expect(first.headers()["content-type"]).toContain("application/rss+xml");
    expect(await first.text()).toContain('<itunes:category text="Technology"/>');
    const etag = first.headers()["etag"]!;
    const again = await request.get("/shows/the-long-signal/feed.xml", { headers: { "if-none-match": etag } });
    expect(again.status()).toBe(304);
    for (const path of ["/stories/feed.xml", "/feed.json", "/shows.opml"]) expect((await request.get(path)).status(), path).toBe(200);
  });

  test("pages announce their feeds and oEmbed, and robots.txt and the sitemap list the site", async ({ page, request }) => {
    await page.goto("/episodes/bridges-nobody-inspects");
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute("href", /\/shows\/the-long-signal\/feed\.xml$/);
    // The demo show came from a file, so its "RSS" link is the feed this site publishes, which works.
    const rss = page.getByRole("navigation", { name: "Listen & watch on" }).getByRole("link", { name: "RSS" });
    await expect(rss).toHaveAttribute("href", "/shows/the-long-signal/feed.xml");
    expect((await request.get("/shows/the-long-signal/feed.xml")).status()).toBe(200);
    const oembedHref = await page.locator('link[rel="alternate"][type="application/json+oembed"]').getAttribute("href");
    const oembed = await (await request.get(oembedHref!)).json();
    expect(oembed).toMatchObject({ version: "1.0", type: "rich", title: "Bridges Nobody Inspects" });
    expect(oembed.html).toMatch(/<iframe src="http:\/\/[^"]+\/embed\/episodes\/bridges-nobody-inspects"/);

    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toMatch(/Sitemap: http:\/\/.+\/sitemap\.xml/);
    const index = await (await request.get("/sitemap.xml")).text();
    const first = /<loc>([^<]+)<\/loc>/.exec(index)![1]!;
    const sitemap = await (await request.get(new URL(first).pathname)).text();
    expect(sitemap).toContain("/episodes/bridges-nobody-inspects</loc>");
    expect(sitemap).toContain("/stories/county-bridge-inspections-backlog</loc>");
  });

  test("the home page describes the site and its search box to search engines", async ({ page }) => {
    await page.goto("/");
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(jsonLd).toMatchObject({ "@type": "WebSite", name: "The Long Signal", potentialAction: { "@type": "SearchAction" } });
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/og\/site$/);
    for (const path of ["/", "/episodes", "/stories"]) {
      await page.goto(path);
      await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^http://[^/]+${path === "/" ? "/?" : path}$`));
      await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute("href", /\/stories\/feed\.xml$/);
    }
  });

  test("pages refuse to be framed by other sites, the embeddable player allows it, and every answer carries the safety headers", async ({ request }) => {
    for (const path of ["/", "/episodes/bridges-nobody-inspects", "/newsletter", "/api/health"]) {
      const headers = (await request.get(path)).headers();
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toContain("camera=()");
      // The e2e site runs on plain http: no HSTS there.
      expect(headers["strict-transport-security"], path).toBeUndefined();
    }
    const embed = (await request.get("/embed/episodes/bridges-nobody-inspects")).headers();
    expect(embed["content-security-policy"]).toMatch(/script-src 'nonce-[^']+' 'strict-dynamic'/);
    expect(embed["content-security-policy"]).not.toContain("frame-ancestors");
    expect(embed["x-content-type-options"]).toBe("nosniff");
    expect(embed["x-frame-options"]).toBeUndefined();
  });

  test("pages run under a nonce Content-Security-Policy with nothing refused: reading, listening, searching, signing in", async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
    const response = await page.goto("/episodes/bridges-nobody-inspects");
    const policy = response!.headers()["content-security-policy"]!;
    const nonce = /'nonce-([^']+)'/.exec(policy)![1];
    // Browsers hide a nonce from the DOM once parsed: the page as sent shows it on every script of the site's
    // (structured data is not script: it runs nowhere, and, written from content, gets no nonce).
    const scripts = [...(await response!.text()).matchAll(/<script\b[^>]*>/g)]
      .map((tag) => tag[0])
      .filter((tag) => !tag.includes('type="application/ld+json"'));
    expect(scripts.length).toBeGreaterThan(3);
    expect(scripts.filter((tag) => !tag.includes(`nonce="${nonce}"`))).toEqual([]);
    await page.getByRole("region", { name: "Listen" }).getByRole("button", { name: "Play episode" }).click();
    await expect(page.getByRole("region", { name: "Player" })).toBeVisible();
    await page.getByRole("link", { name: "Stories" }).first().click();
    await expect(page.getByRole("heading", { level: 1, name: "Stories" })).toBeVisible();
    await page.goto("/search?q=bridge");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.goto("/signin");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await violations()).toEqual([]);
    // Markup slipped into the page (the shape of an XSS) cannot run: its handler is refused and reported.
    await page.evaluate(() => document.body.insertAdjacentHTML("beforeend", '<img src="/no-such-image" onerror="window.injected = true">'));
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src(-attr|-elem)? inline/));
    expect(await page.evaluate(() => (window as unknown as { injected?: boolean }).injected)).toBeUndefined();
  });

  test("a search is shared by the edge for every reader, while browsers are told not to keep it", async ({ request }) => {
    const path = `/search?q=bridges&shared=${Date.now()}`;
    const first = await request.get(path);
    const again = await request.get(path);
    expect(first.headers()["x-showfront-cache"]).toBe("MISS");
    expect(again.headers()["x-showfront-cache"]).toBe("HIT");
    expect(again.headers()["cache-control"]).toContain("no-store");
    expect(again.headers()["cdn-cache-control"]).toMatch(/^max-age=\d+/);
    expect(await again.text()).toContain("Bridges Nobody Inspects");
  });

  test("health answers without the database, readiness with it", async ({ request }) => {
    expect(await (await request.get("/api/health")).json()).toEqual({ status: "ok" });
    const ready = await request.get("/api/ready");
    expect(ready.status()).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, database: "ok", pendingMigrations: [] });
  });

  test("the embeddable player plays inside another site's iframe", async ({ page, baseURL }) => {
    await page.setContent(
      `<!doctype html><title>Someone's blog</title><iframe src="${baseURL}/embed/episodes/bridges-nobody-inspects" width="600" height="140"></iframe>`,
    );
    const frame = page.frameLocator("iframe");
    await expect(frame.getByRole("heading", { name: "Bridges Nobody Inspects" })).toBeVisible();
    const audio = frame.locator("audio");
    await expect(audio).toHaveAttribute("preload", "none");
    await audio.evaluate((element: HTMLAudioElement) => element.play());
    await expect.poll(() => audio.evaluate((element: HTMLAudioElement) => element.currentTime)).toBeGreaterThan(0.5);
  });
});
