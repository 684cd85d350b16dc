// The people of a network: those on its episodes (podcast:person: hosts, guests, crew) and the authors of its
// stories, each with a page of their own at /people/<slug>. A person is known by their name; the slug is that name's.
import "server-only";
import { prisma, Prisma } from "@/lib/db";
import { episodeCardSelect, type EpisodeCard } from "@/lib/episodes/episodes";
import { slugify } from "@/lib/text/slug";
import { listedStoryWhere, storyCardSelect, type StoryCard } from "@/lib/stories/stories";

export function personPath(name: string): string {
  return `/people/${slugify(name)}`;
}

interface PersonRow {
  name: string;
  img: string | null;
  href: string | null;
  role: string | null;
}

// Every person named by an episode's podcast:person (the column holds what the feed validation kept).
const PERSON_ROWS = Prisma.sql`
  SELECT DISTINCT p->>'name' AS name, p->>'img' AS img, p->>'href' AS href, p->>'role' AS role
  FROM "Episode" e
  CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(e."persons") = 'array' THEN e."persons" ELSE '[]'::jsonb END) p
  WHERE jsonb_typeof(p) = 'object' AND coalesce(p->>'name', '') <> ''`;

async function storyAuthors(): Promise<string[]> {
  const rows = await prisma.story.findMany({
    where: { ...listedStoryWhere(), authorName: { not: "" } },
    distinct: ["authorName"],
    select: { authorName: true },
  });
  return rows.map((row) => row.authorName);
}

/** Every person's slug, for the sitemap. */
export async function listPersonSlugs(): Promise<string[]> {
  const [rows, authors] = await Promise.all([prisma.$queryRaw<PersonRow[]>(PERSON_ROWS), storyAuthors()]);
  return [...new Set([...rows.map((row) => row.name), ...authors].map(slugify))].sort();
}

export interface PersonPage {
  slug: string;
  name: string;
  img: string | null;
  href: string | null;
  roles: string[];
  episodes: EpisodeCard[];
  stories: StoryCard[];
}

/** A person, the episodes they are on and the stories they wrote, newest first; null when nothing names them. */
export async function getPerson(slug: string): Promise<PersonPage | null> {
  const [allRows, allAuthors] = await Promise.all([prisma.$queryRaw<PersonRow[]>(PERSON_ROWS), storyAuthors()]);
  const rows = allRows.filter((row) => slugify(row.name) === slug);
  const authors = allAuthors.filter((author) => slugify(author) === slug);
  const names = [...new Set([...rows.map((row) => row.name), ...authors])];
  if (names.length === 0) return null;
  const newestFirst = [{ publishedAt: "desc" as const }, { id: "desc" as const }];
  const [episodes, stories] = await Promise.all([
    rows.length
      ? prisma.episode.findMany({
          where: { OR: names.map((name) => ({ persons: { array_contains: [{ name }] } })) },
          orderBy: newestFirst,
          take: 200,
          select: episodeCardSelect,
        })
      : [],
    authors.length
      ? prisma.story.findMany({ where: { ...listedStoryWhere(), authorName: { in: authors } }, orderBy: newestFirst, take: 200, select: storyCardSelect })
      : [],
  ]);
  return {
    slug,
    name: names[0]!,
    img: rows.find((row) => row.img)?.img ?? null,
    href: rows.find((row) => row.href)?.href ?? null,
    roles: [...new Set(rows.flatMap((row) => (row.role ? [row.role.toLowerCase()] : [])))],
    episodes,
    stories,
  };
}
