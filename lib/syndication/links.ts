// Where the site's feeds are announced (<link rel="alternate">), for feed readers and podcast apps to find them.

import "server-only";
export const SITE_FEEDS = {
  "application/rss+xml": [{ url: "/stories/feed.xml", title: "Stories" }],
  "application/feed+json": [{ url: "/feed.json", title: "Episodes and stories" }],
};

/** A show's podcast RSS as this site republishes it. */
export function podcastFeedPath(showSlug: string): string {
  return `/shows/${showSlug}/feed.xml`;
}

/** The oEmbed address of an episode page, which sites that embed links ask for the embeddable player. */
export function oembedPath(episodeSlug: string, siteUrl: string): string {
  return `/api/oembed?url=${encodeURIComponent(new URL(`/episodes/${episodeSlug}`, siteUrl).toString())}&format=json`;
}

export function embedPath(episodeSlug: string): string {
  return `/embed/episodes/${episodeSlug}`;
}
