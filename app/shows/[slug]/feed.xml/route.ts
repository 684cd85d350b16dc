// A show's podcast RSS, for Apple, Spotify and every podcast app.
import { getEnv } from "@/lib/env";
import { feedResponse } from "@/lib/syndication/conditional";
import { buildPodcastFeed, podcastFeedVersion } from "@/lib/syndication/podcast-feed";
import { slugParamSchema } from "@/lib/validations/params";

export async function GET(request: Request, { params }: RouteContext<"/shows/[slug]/feed.xml">) {
  const parsed = slugParamSchema.safeParse(await params);
  const version = parsed.success ? await podcastFeedVersion(parsed.data.slug) : null;
  return feedResponse(request, "application/rss+xml; charset=utf-8", version, () => buildPodcastFeed(parsed.data!.slug, getEnv().SITE_URL, version!));
}
