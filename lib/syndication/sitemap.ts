// sitemap.xml for search engines: an index of numbered sitemaps, so a network with years of episodes stays within
// the protocol's limits (and each file stays small). Each kind of page is listed oldest first.
import "server-only";
import { prisma } from "@/lib/db";
import { listPersonSlugs } from "@/lib/people/people";
import { publishedStoryWhere } from "@/lib/stories/stories";
import { absolute, element } from "./xml";

export const SITEMAP_SIZE = 10_000;

const STATIC_PATHS = ["/", "/episodes", "/stories"];

interface Entry {
  path: string;
  lastModified?: Date;
}

/** One kind of page: how many there are, and a stretch of them in a fixed order. */
interface Section {
  count: number;
  read(skip: number, take: number): Promise<Entry[]>;
}

const byPath = (prefix: string) => (rows: { slug: string; updatedAt: Date }[]) =>
  rows.map((row) => ({ path: `${prefix}/${row.slug}`, lastModified: row.updatedAt }));
const oldestFirst = [{ createdAt: "asc" as const }, { id: "asc" as const }];

// The fixed pages, then episodes, stories, shows and people, each oldest first.
async function sections(): Promise<Section[]> {
  const [episodes, stories, shows, people] = await Promise.all([
    prisma.episode.count(),
    prisma.story.count({ where: publishedStoryWhere() }),
    prisma.show.count(),
    listPersonSlugs(),
  ]);
  return [
    { count: STATIC_PATHS.length, read: async (skip, take) => STATIC_PATHS.slice(skip, skip + take).map((path) => ({ path })) },
    {
      count: episodes,
      read: (skip, take) => prisma.episode.findMany({ orderBy: oldestFirst, skip, take, select: { slug: true, updatedAt: true } }).then(byPath("/episodes")),
    },
    {
      count: stories,
      read: (skip, take) =>
        prisma.story
          .findMany({ where: publishedStoryWhere(), orderBy: oldestFirst, skip, take, select: { slug: true, updatedAt: true } })
          .then(byPath("/stories")),
    },
    {
      count: shows,
      read: (skip, take) => prisma.show.findMany({ orderBy: oldestFirst, skip, take, select: { slug: true, updatedAt: true } }).then(byPath("/shows")),
    },
    { count: people.length, read: async (skip, take) => people.slice(skip, skip + take).map((slug) => ({ path: `/people/${slug}` })) },
  ];
}

export async function sitemapCount(size = SITEMAP_SIZE): Promise<number> {
  const total = (await sections()).reduce((sum, section) => sum + section.count, 0);
  return Math.max(1, Math.ceil(total / size));
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

/** The numbered sitemap's pages: its stretch of the sections, in order. */
async function entries(index: number, size: number): Promise<Entry[]> {
  const list: Entry[] = [];
  let skip = index * size;
  for (const section of await sections()) {
    if (list.length === size) break;
    if (skip >= section.count) {
      skip -= section.count;
      continue;
    }
    const take = Math.min(size - list.length, section.count - skip);
    list.push(...(await section.read(skip, take)));
    skip = 0;
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
