// Episodes and stories as a JSON Feed.
import { getEnv } from "@/lib/env";
import { feedResponse } from "@/lib/syndication/conditional";
import { jsonFeed } from "@/lib/cache/reads";

export async function GET(request: Request) {
  return feedResponse(request, "application/feed+json; charset=utf-8", await jsonFeed.version(), () => jsonFeed.build(getEnv().SITE_URL));
}
