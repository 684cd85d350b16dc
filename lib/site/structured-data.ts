// schema.org JSON-LD for search engines and link previews, and the one safe way to put it in a page.
import "server-only";
import { isoDuration } from "@/lib/text/format";
import type { EpisodePage } from "@/lib/episodes/episodes";
import type { PersonPage } from "@/lib/people/people";
import type { ShowPage } from "@/lib/shows/shows";
import type { StoryPage } from "@/lib/stories/stories";
import { podcastFeedPath } from "@/lib/syndication/links";

export function episodeJsonLd(episode: EpisodePage, siteUrl: string) {
  const url = new URL(`/episodes/${episode.slug}`, siteUrl).toString();
  const media = episode.audioUrl ? new URL(episode.audioUrl, siteUrl).toString() : undefined;
  return {
    "@context": "https://schema.org",
    "@type": "PodcastEpisode",
    url,
    name: episode.title,
    description: episode.summary || undefined,
    datePublished: episode.publishedAt.toISOString(),
    ...(episode.number != null && { episodeNumber: episode.number }),
    ...(episode.durationSeconds != null && { timeRequired: isoDuration(episode.durationSeconds) }),
    ...((episode.artworkUrl ?? episode.show.artworkUrl) && { image: episode.artworkUrl ?? episode.show.artworkUrl }),
    partOfSeries: { "@type": "PodcastSeries", name: episode.show.title, url: new URL("/", siteUrl).toString() },
    ...(media && {
      associatedMedia: {
        "@type": "MediaObject",
        contentUrl: media,
        ...(episode.audioType && { encodingFormat: episode.audioType }),
        ...(episode.durationSeconds != null && { duration: isoDuration(episode.durationSeconds) }),
      },
    }),
  };
}

export function storyJsonLd(story: StoryPage, siteName: string, siteUrl: string) {
  const url = new URL(`/stories/${story.slug}`, siteUrl).toString();
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: url,
    url,
    headline: story.title,
    description: story.dek || undefined,
    ...(story.publishedAt && { datePublished: story.publishedAt.toISOString() }),
    dateModified: story.updatedAt.toISOString(),
    ...(story.heroImageUrl && { image: [new URL(story.heroImageUrl, siteUrl).toString()] }),
    ...(story.authorName && { author: [{ "@type": "Person", name: story.authorName }] }),
    publisher: { "@type": "Organization", name: siteName, url: new URL("/", siteUrl).toString() },
    ...(story.categories[0] && { articleSection: story.categories[0].category.name }),
    ...(story.tags.length && { keywords: story.tags.map((tag) => tag.name).join(", ") }),
  };
}

/** The site itself, with the search box search engines may show under its name (sitelinks search). */
export function websiteJsonLd(name: string, siteUrl: string) {
  return {
    "@context": "https://schema.org",
    "@type": "WebSite",
    name,
    url: new URL("/", siteUrl).toString(),
    potentialAction: {
      "@type": "SearchAction",
      target: { "@type": "EntryPoint", urlTemplate: `${new URL("/search", siteUrl).toString()}?q={search_term_string}` },
      "query-input": "required name=search_term_string",
    },
  };
}

export function showJsonLd(show: ShowPage, siteUrl: string) {
  return {
    "@context": "https://schema.org",
    "@type": "PodcastSeries",
    name: show.title,
    description: show.description,
    url: new URL(`/shows/${show.slug}`, siteUrl).toString(),
    webFeed: new URL(podcastFeedPath(show.slug), siteUrl).toString(),
    ...(show.author && { author: { "@type": "Person", name: show.author } }),
    ...(show.artworkUrl && { image: new URL(show.artworkUrl, siteUrl).toString() }),
  };
}

export function personJsonLd(person: PersonPage, siteUrl: string) {
  return {
    "@context": "https://schema.org",
    "@type": "Person",
    name: person.name,
    url: new URL(`/people/${person.slug}`, siteUrl).toString(),
    ...(person.img && { image: person.img }),
    ...(person.href && { sameAs: [person.href] }),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so no text from a feed can close the script. */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
