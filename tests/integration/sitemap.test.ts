import { beforeEach, describe, expect, it } from "@jest/globals";
import { buildSitemap, buildSitemapIndex, robotsTxt } from "@/lib/syndication/sitemap";
import { resetDatabase } from "../setup/database";
import { createEpisode, createShow, createStory } from "../setup/factories";

beforeEach(resetDatabase);

const locs = (xml: string | null) => [...(xml ?? "").matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);

describe("sitemaps", () => {
  it("list every page once across numbered sitemaps, split at the size limit, drafts left out", async () => {
    const show = await createShow();
    const episodes = [];
    for (let index = 0; index < 5; index += 1)
      episodes.push(await createEpisode({ showId: show.id, persons: index === 0 ? [{ name: "Lena Marsh", role: "guest" }, { name: "Maya Okafor" }] : [] }));
    const story = await createStory();
    await createStory({ status: "DRAFT", publishedAt: null });

    const index = await buildSitemapIndex("https://show.example", 4);
    expect(locs(index)).toEqual(["/sitemaps/0.xml", "/sitemaps/1.xml", "/sitemaps/2.xml"]);
    const pages = [
      ...locs(await buildSitemap(0, "https://show.example", 4)),
      ...locs(await buildSitemap(1, "https://show.example", 4)),
      ...locs(await buildSitemap(2, "https://show.example", 4)),
    ];
    expect(pages).toEqual([
      "/",
      "/episodes",
      "/stories",
      ...episodes.map((episode) => `/episodes/${episode.slug}`),
      `/stories/${story.slug}`,
      `/shows/${show.slug}`,
      "/people/lena-marsh",
      "/people/maya-okafor",
    ]);
    expect(await buildSitemap(3, "https://show.example", 4)).toBeNull();
    // Nothing the sitemap lists is a page robots.txt keeps crawlers out of.
    const disallowed = [...robotsTxt("https://show.example").matchAll(/^Disallow: (.+)$/gm)].map((match) => match[1]!);
    expect(pages.filter((page) => disallowed.some((prefix) => page.startsWith(prefix)))).toEqual([]);
  });

  it("robots.txt keeps crawlers out of the admin and points at the sitemap", () => {
    const robots = robotsTxt("https://show.example");
    expect(robots).toContain("Disallow: /admin");
    expect(robots).toContain("Sitemap: https://show.example/sitemap.xml");
  });
});
