// Every show's podcast feed as OPML: one file that subscribes a podcast app to the whole network.
import { getEnv } from "@/lib/env";
import { feedResponse } from "@/lib/syndication/conditional";
import { buildOpml, opmlVersion } from "@/lib/syndication/site-feeds";

export async function GET(request: Request) {
  const version = await opmlVersion();
  return feedResponse(request, "text/x-opml; charset=utf-8", version, () => buildOpml(getEnv().SITE_URL, version));
}
