// Stories as RSS, with their full text.
import { getEnv } from "@/lib/env";
import { feedResponse } from "@/lib/syndication/conditional";
import { storiesFeed } from "@/lib/cache/reads";

export async function GET(request: Request) {
  const version = await storiesFeed.version();
  return feedResponse(request, "application/rss+xml; charset=utf-8", version, () => storiesFeed.build(getEnv().SITE_URL, version));
}
