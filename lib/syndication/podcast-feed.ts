// A show's podcast RSS republished from what was imported, so apps can use the show's own domain: with each episode's
// original GUID and enclosure, apps that already know an episode never see it twice.
import "server-only";
import { z } from "zod";
import { measuredAudioPath } from "@/lib/analytics/downloads";
import { analyticsSettings } from "@/lib/analytics/settings";
import { prisma } from "@/lib/db";
import { personSchema, transcriptSchema } from "@/lib/validations/feed";
import { podcastFeedPath } from "./links";
import { absolute, cdata, element, emptyElement, escapeXml } from "./xml";
import type { FeedVersion } from "./conditional";

const categoriesSchema = z.array(z.object({ name: z.string(), subcategory: z.string().optional() })).catch([]);
const transcriptsSchema = z.array(transcriptSchema).catch([]);
const personsSchema = z.array(personSchema).catch([]);

/** What changes whenever the feed would: cheap to ask, so an unchanged feed costs no rendering. */
export async function podcastFeedVersion(showSlug: string): Promise<FeedVersion | null> {
  const show = await prisma.show.findUnique({ where: { slug: showSlug }, select: { id: true, updatedAt: true } });
  if (!show) return null;
  const episodes = await prisma.episode.aggregate({ where: { showId: show.id, goneAt: null }, _max: { updatedAt: true }, _count: true });
  const latest = new Date(Math.max(show.updatedAt.getTime(), episodes._max.updatedAt?.getTime() ?? 0));
  const measured = (await analyticsSettings()).countDownloads ? "-measured" : "";
  return { tag: `${show.id}-${latest.getTime()}-${episodes._count}${measured}`, lastModified: latest };
}

export async function buildPodcastFeed(showSlug: string, siteUrl: string, version: FeedVersion): Promise<string | null> {
  const show = await prisma.show.findUnique({ where: { slug: showSlug } });
  if (!show) return null;
  const episodes = await prisma.episode.findMany({
    where: { showId: show.id, goneAt: null },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      guid: true,
      slug: true,
      title: true,
      summary: true,
      notesHtml: true,
      publishedAt: true,
      durationSeconds: true,
      audioUrl: true,
      audioType: true,
      audioLength: true,
      artworkUrl: true,
      season: true,
      number: true,
      episodeType: true,
      explicit: true,
      transcripts: true,
      chaptersUrl: true,
      chaptersType: true,
      persons: true,
    },
  });
  const selfUrl = absolute(podcastFeedPath(show.slug), siteUrl);
  // With downloads counted, enclosures go through the site's measurement address, which redirects to the host's file.
  const { countDownloads } = await analyticsSettings();
  const categories = categoriesSchema.parse(show.categories);
  const channel = [
    element("title", show.title),
    element("link", siteUrl),
    emptyElement("atom:link", { href: selfUrl, rel: "self", type: "application/rss+xml" }),
    element("description", show.description || show.title),
    element("language", show.language ?? "en"),
    element("generator", "Showfront"),
    // The version's time, not the clock's: the same content is the same bytes, as its ETag promises.
    element("lastBuildDate", version.lastModified.toUTCString()),
    element("itunes:author", show.author || show.title),
    element("itunes:summary", show.description || show.title),
    show.artworkUrl ? emptyElement("itunes:image", { href: absolute(show.artworkUrl, siteUrl) }) : "",
    show.artworkUrl ? `<image>${element("url", absolute(show.artworkUrl, siteUrl))}${element("title", show.title)}${element("link", siteUrl)}</image>` : "",
    element("itunes:explicit", show.explicit ? "true" : "false"),
    ...categories.map((category) =>
      category.subcategory
        ? `<itunes:category text="${escapeXml(category.name)}">${emptyElement("itunes:category", { text: category.subcategory })}</itunes:category>`
        : emptyElement("itunes:category", { text: category.name }),
    ),
    element("podcast:guid", show.podcastGuid),
    show.locked ? element("podcast:locked", "yes") : "",
  ];
  const items = episodes.map((episode) => {
    const transcripts = transcriptsSchema.parse(episode.transcripts ?? []);
    const persons = personsSchema.parse(episode.persons ?? []);
    return [
      "<item>",
      element("title", episode.title),
      element("guid", episode.guid, { isPermaLink: "false" }),
      element("link", absolute(`/episodes/${episode.slug}`, siteUrl)),
      element("pubDate", episode.publishedAt.toUTCString()),
      element("description", episode.summary),
      episode.notesHtml ? `<content:encoded>${cdata(episode.notesHtml)}</content:encoded>` : "",
      episode.audioUrl
        ? emptyElement("enclosure", {
            url: absolute(countDownloads ? measuredAudioPath(episode.id, episode.audioUrl) : episode.audioUrl, siteUrl),
            length: String(episode.audioLength ?? 0),
            type: episode.audioType ?? "audio/mpeg",
          })
        : "",
      element("itunes:duration", episode.durationSeconds),
      element("itunes:season", episode.season),
      element("itunes:episode", episode.number),
      element("itunes:episodeType", episode.episodeType.toLowerCase()),
      element("itunes:explicit", episode.explicit ? "true" : "false"),
      episode.artworkUrl ? emptyElement("itunes:image", { href: absolute(episode.artworkUrl, siteUrl) }) : "",
      ...transcripts.map((transcript) =>
        emptyElement("podcast:transcript", {
          url: absolute(transcript.url, siteUrl),
          type: transcript.type,
          language: transcript.language,
          rel: transcript.rel,
        }),
      ),
      episode.chaptersUrl
        ? emptyElement("podcast:chapters", { url: absolute(episode.chaptersUrl, siteUrl), type: episode.chaptersType ?? "application/json+chapters" })
        : "",
      ...persons.map((person) => element("podcast:person", person.name, { role: person.role, group: person.group, img: person.img, href: person.href })),
      "</item>",
    ].join("");
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:podcast="https://podcastindex.org/namespace/1.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
${channel.filter(Boolean).join("\n")}
${items.join("\n")}
</channel>
</rss>
`;
}
