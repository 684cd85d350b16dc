// Stories as RSS, with their full text.
import { getEnv } from "@/lib/env";
import { feedResponse } from "@/lib/syndication/conditional";
import { buildStoriesRss, storiesFeedVersion } from "@/lib/syndication/site-feeds";

export async function GET(request: Request) {
  const version = await storiesFeedVersion();
  return feedResponse(request, "application/rss+xml; charset=utf-8", version, () => buildStoriesRss(getEnv().SITE_URL, version));
}
