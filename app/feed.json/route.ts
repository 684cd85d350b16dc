// Episodes and stories as a JSON Feed.
import { getEnv } from "@/lib/env";
import { feedResponse } from "@/lib/syndication/conditional";
import { buildJsonFeed, jsonFeedVersion } from "@/lib/syndication/site-feeds";

export async function GET(request: Request) {
  return feedResponse(request, "application/feed+json; charset=utf-8", await jsonFeedVersion(), () => buildJsonFeed(getEnv().SITE_URL));
}
