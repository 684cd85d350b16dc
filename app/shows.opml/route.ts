// Every show's podcast feed as OPML: one file that subscribes a podcast app to the whole network.
import { getEnv } from "@/lib/env";
import { feedResponse } from "@/lib/syndication/conditional";
import { opml } from "@/lib/cache/reads";

export async function GET(request: Request) {
  const version = await opml.version();
  return feedResponse(request, "text/x-opml; charset=utf-8", version, () => opml.build(getEnv().SITE_URL, version));
}
