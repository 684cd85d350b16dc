// sitemap.xml for search engines: an index of numbered sitemaps, so a network with years of episodes stays within
// the protocol's limits (and each file stays small). Pages are listed oldest first, so a given sitemap's contents
// only change when pages are removed, and new pages land in the last one.
import { prisma } from "@/lib/db";
import { publishedStoryWhere } from "@/lib/stories/stories";
import { absolute, element } from "./xml";

export const SITEMAP_SIZE = 10_000;

const STATIC_PATHS = ["/", "/episodes", "/stories"];

interface Entry {
  path: string;
  lastModified?: Date;
}

async function counts() {
  const [episodes, stories] = await Promise.all([prisma.episode.count(), prisma.story.count({ where: publishedStoryWhere() })]);
  return { episodes, stories };
}

export async function sitemapCount(size = SITEMAP_SIZE): Promise<number> {
  const { episodes, stories } = await counts();
  return Math.max(1, Math.ceil((STATIC_PATHS.length + episodes + stories) / size));
}

export async function buildSitemapIndex(siteUrl: string, size = SITEMAP_SIZE): Promise<string> {
  const count = await sitemapCount(size);
  const sitemaps = Array.from({ length: count }, (_, index) => `<sitemap>${element("loc", absolute(`/sitemaps/${index}.xml`, siteUrl))}</sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${sitemaps.join("\n")}
</sitemapindex>
`;
}

/** The numbered sitemap's pages: the fixed pages, then episodes, then published stories, oldest first. */
async function entries(index: number, size: number): Promise<Entry[]> {
  const { episodes: episodeCount } = await counts();
  const start = index * size;
  const end = start + size;
  const list: Entry[] = STATIC_PATHS.slice(start, end).map((path) => ({ path }));
  const episodesFrom = Math.max(0, start - STATIC_PATHS.length);
  const episodesTake = Math.max(0, Math.min(episodeCount, end - STATIC_PATHS.length) - episodesFrom);
  if (episodesTake > 0) {
    const rows = await prisma.episode.findMany({ orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: episodesFrom, take: episodesTake, select: { slug: true, updatedAt: true } });
    list.push(...rows.map((row) => ({ path: `/episodes/${row.slug}`, lastModified: row.updatedAt })));
  }
  const storiesFrom = Math.max(0, start - STATIC_PATHS.length - episodeCount);
  const storiesTake = end - start - list.length;
  if (storiesTake > 0) {
    const rows = await prisma.story.findMany({ where: publishedStoryWhere(), orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: storiesFrom, take: storiesTake, select: { slug: true, updatedAt: true } });
    list.push(...rows.map((row) => ({ path: `/stories/${row.slug}`, lastModified: row.updatedAt })));
  }
  return list;
}

export async function buildSitemap(index: number, siteUrl: string, size = SITEMAP_SIZE): Promise<string | null> {
  if (index >= (await sitemapCount(size))) return null;
  const urls = (await entries(index, size)).map(
    (entry) => `<url>${element("loc", absolute(entry.path, siteUrl))}${entry.lastModified ? element("lastmod", entry.lastModified.toISOString()) : ""}</url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join("\n")}
</urlset>
`;
}

export function robotsTxt(siteUrl: string): string {
  return `User-agent: *
Allow: /
Disallow: /admin
Disallow: /api/
Disallow: /search

Sitemap: ${absolute("/sitemap.xml", siteUrl)}
`;
}
