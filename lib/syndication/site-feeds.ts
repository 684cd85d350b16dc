// The site's other feeds: stories as RSS with their full text, episodes and stories together as a JSON Feed, and
// every show's podcast feed as OPML (what podcast apps import to subscribe to a whole network).
import "server-only";
import { prisma } from "@/lib/db";
import { listedStoryWhere, storyBodyHtml } from "@/lib/stories/stories";
import type { FeedVersion } from "./conditional";
import { podcastFeedPath } from "./links";
import { absolute, cdata, element, emptyElement } from "./xml";

const FEED_ITEMS = 50;

async function newestChange(...queries: Promise<{ _max: { updatedAt: Date | null }; _count: number }>[]): Promise<FeedVersion> {
  const results = await Promise.all(queries);
  const latest = new Date(Math.max(0, ...results.map((result) => result._max.updatedAt?.getTime() ?? 0)));
  return { tag: `${latest.getTime()}-${results.map((result) => result._count).join("-")}`, lastModified: latest };
}

const storiesAggregate = () => prisma.story.aggregate({ where: listedStoryWhere(), _max: { updatedAt: true }, _count: true });
const episodesAggregate = () => prisma.episode.aggregate({ where: { goneAt: null }, _max: { updatedAt: true }, _count: true });
const showsAggregate = () => prisma.show.aggregate({ _max: { updatedAt: true }, _count: true });

// A story scheduled for later joins the feed when its time comes: the hour is part of the version.
export async function storiesFeedVersion(): Promise<FeedVersion> {
  const version = await newestChange(storiesAggregate());
  return { ...version, tag: `${version.tag}-${Math.floor(Date.now() / 3_600_000)}` };
}

export async function jsonFeedVersion(): Promise<FeedVersion> {
  const version = await newestChange(storiesAggregate(), episodesAggregate());
  return { ...version, tag: `${version.tag}-${Math.floor(Date.now() / 3_600_000)}` };
}

export const opmlVersion = () => newestChange(showsAggregate());

async function siteTitle(): Promise<string> {
  return (await prisma.show.findFirst({ orderBy: { createdAt: "asc" }, select: { title: true } }))?.title ?? "Showfront";
}

async function latestStories() {
  return prisma.story.findMany({
    where: listedStoryWhere(),
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: FEED_ITEMS,
    select: {
      slug: true,
      title: true,
      dek: true,
      body: true,
      bodyFormat: true,
      authorName: true,
      publishedAt: true,
      updatedAt: true,
      heroImageUrl: true,
      categories: { select: { category: { select: { name: true } } } },
    },
  });
}

export async function buildStoriesRss(siteUrl: string, version: FeedVersion): Promise<string> {
  const [title, stories] = await Promise.all([siteTitle(), latestStories()]);
  const items = await Promise.all(
    stories.map(async (story) =>
      [
        "<item>",
        element("title", story.title),
        element("link", absolute(`/stories/${story.slug}`, siteUrl)),
        element("guid", absolute(`/stories/${story.slug}`, siteUrl), { isPermaLink: "true" }),
        element("pubDate", story.publishedAt!.toUTCString()),
        element("dc:creator", story.authorName),
        ...story.categories.map(({ category }) => element("category", category.name)),
        element("description", story.dek),
        `<content:encoded>${cdata(await storyBodyHtml(story.body, story.bodyFormat))}</content:encoded>`,
        "</item>",
      ].join(""),
    ),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
${element("title", `${title}: stories`)}
${element("link", absolute("/stories", siteUrl))}
${emptyElement("atom:link", { href: absolute("/stories/feed.xml", siteUrl), rel: "self", type: "application/rss+xml" })}
${element("description", `Stories from ${title}`)}
${element("lastBuildDate", version.lastModified.toUTCString())}
${items.join("\n")}
</channel>
</rss>
`;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1): episodes with their audio as attachments, and stories. */
export async function buildJsonFeed(siteUrl: string): Promise<string> {
  const [title, stories, episodes] = await Promise.all([
    siteTitle(),
    latestStories(),
    prisma.episode.findMany({
      where: { goneAt: null },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: FEED_ITEMS,
      select: {
        slug: true,
        title: true,
        summary: true,
        notesHtml: true,
        publishedAt: true,
        updatedAt: true,
        audioUrl: true,
        audioType: true,
        audioLength: true,
        durationSeconds: true,
        artworkUrl: true,
      },
    }),
  ]);
  const items = [
    ...episodes.map((episode) => ({
      id: absolute(`/episodes/${episode.slug}`, siteUrl),
      url: absolute(`/episodes/${episode.slug}`, siteUrl),
      title: episode.title,
      summary: episode.summary,
      content_html: episode.notesHtml || undefined,
      date_published: episode.publishedAt.toISOString(),
      date_modified: episode.updatedAt.toISOString(),
      image: episode.artworkUrl ?? undefined,
      tags: ["episode"],
      attachments: episode.audioUrl
        ? [
            {
              url: absolute(episode.audioUrl, siteUrl),
              mime_type: episode.audioType ?? "audio/mpeg",
              ...(episode.audioLength && { size_in_bytes: Number(episode.audioLength) }),
              ...(episode.durationSeconds && { duration_in_seconds: episode.durationSeconds }),
            },
          ]
        : undefined,
    })),
    ...(await Promise.all(
      stories.map(async (story) => ({
        id: absolute(`/stories/${story.slug}`, siteUrl),
        url: absolute(`/stories/${story.slug}`, siteUrl),
        title: story.title,
        summary: story.dek || undefined,
        content_html: await storyBodyHtml(story.body, story.bodyFormat),
        date_published: story.publishedAt!.toISOString(),
        date_modified: story.updatedAt.toISOString(),
        image: story.heroImageUrl ?? undefined,
        authors: story.authorName ? [{ name: story.authorName }] : undefined,
        tags: ["story", ...story.categories.map(({ category }) => category.name)],
      })),
    )),
  ].sort((a, b) => b.date_published.localeCompare(a.date_published));
  return JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title,
    home_page_url: siteUrl,
    feed_url: absolute("/feed.json", siteUrl),
    items: items.slice(0, FEED_ITEMS),
  });
}

export async function buildOpml(siteUrl: string, version: FeedVersion): Promise<string> {
  const shows = await prisma.show.findMany({ orderBy: { title: "asc" }, select: { slug: true, title: true, description: true } });
  const outlines = shows.map((show) =>
    emptyElement("outline", {
      type: "rss",
      text: show.title,
      title: show.title,
      description: show.description || undefined,
      xmlUrl: absolute(podcastFeedPath(show.slug), siteUrl),
      htmlUrl: siteUrl,
    }),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
<head>${element("title", `${await siteTitle()}: all shows`)}${element("dateModified", version.lastModified.toUTCString())}</head>
<body>
${outlines.join("\n")}
</body>
</opml>
`;
}
