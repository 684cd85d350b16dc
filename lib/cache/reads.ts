// What the public pages and feeds read, through Next's cache (cached.ts): one place that says which change makes
// each read stale. Pages import these; the functions they wrap stay plain reads for everything else.
import "server-only";
import { mostListenedThisWeek } from "@/lib/analytics/reports";
import { analyticsSettings } from "@/lib/analytics/settings";
import { getEpisodeFilters, getLatestEpisodes, listEpisodes } from "@/lib/episodes/episodes";
import { getSiteShow, siteName } from "@/lib/shows/shows";
import { getCategory, getLatestStories, getTag, listStories, listStoryCategories } from "@/lib/stories/stories";
import { buildPodcastFeed, podcastFeedVersion } from "@/lib/syndication/podcast-feed";
import { buildJsonFeed, buildOpml, buildStoriesRss, jsonFeedVersion, opmlVersion, storiesFeedVersion } from "@/lib/syndication/site-feeds";
import { buildSitemap, buildSitemapIndex } from "@/lib/syndication/sitemap";
import { cached } from "./cached";
import { ANALYTICS, EPISODE_LISTS, SITE, STORY_LISTS } from "./tags";

const BOTH = [EPISODE_LISTS, STORY_LISTS];

export const latestEpisodes = cached("latest-episodes", [EPISODE_LISTS], getLatestEpisodes);
export const episodeList = cached("episode-list", [EPISODE_LISTS], listEpisodes);
export const episodeFilters = cached("episode-filters", [EPISODE_LISTS], getEpisodeFilters);
// Empty unless the admin shows it; new listening shows within the cache's refresh (a minute).
export const mostListened = cached("most-listened", [ANALYTICS, EPISODE_LISTS], async (limit: number) =>
  (await analyticsSettings()).showMostListened ? mostListenedThisWeek(limit) : [],
);
export const siteShow = cached("site-show", [SITE], getSiteShow);
export const cachedSiteName = cached("site-name", [SITE], siteName);

export const latestStories = cached("latest-stories", [STORY_LISTS], getLatestStories);
export const storyList = cached("story-list", [STORY_LISTS], listStories);
export const storyCategories = cached("story-categories", [STORY_LISTS], listStoryCategories);
export const storyCategory = cached("story-category", [STORY_LISTS], getCategory);
export const storyTag = cached("story-tag", [STORY_LISTS], getTag);

export const podcastFeed = {
  version: cached("podcast-feed-version", [EPISODE_LISTS, ANALYTICS], podcastFeedVersion),
  build: cached("podcast-feed", [EPISODE_LISTS, ANALYTICS], buildPodcastFeed),
};
export const storiesFeed = {
  version: cached("stories-feed-version", [STORY_LISTS], storiesFeedVersion),
  build: cached("stories-feed", [STORY_LISTS], buildStoriesRss),
};
export const jsonFeed = { version: cached("json-feed-version", BOTH, jsonFeedVersion), build: cached("json-feed", BOTH, buildJsonFeed) };
export const opml = { version: cached("opml-version", [EPISODE_LISTS], opmlVersion), build: cached("opml", [EPISODE_LISTS], buildOpml) };
export const sitemapIndex = cached("sitemap-index", BOTH, buildSitemapIndex);
export const sitemap = cached("sitemap", BOTH, buildSitemap);
