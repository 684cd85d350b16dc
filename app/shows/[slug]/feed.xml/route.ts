// A show's podcast RSS, for Apple, Spotify and every podcast app.
import { getEnv } from "@/lib/env";
import { feedResponse } from "@/lib/syndication/conditional";
import { podcastFeed } from "@/lib/cache/reads";
import { findBySlug } from "@/lib/validations/params";

export async function GET(request: Request, { params }: RouteContext<"/shows/[slug]/feed.xml">) {
  const show = await findBySlug(params, async (slug) => {
    const version = await podcastFeed.version(slug);
    return version && { slug, version };
  });
  return feedResponse(request, "application/rss+xml; charset=utf-8", show?.version ?? null, () =>
    podcastFeed.build(show!.slug, getEnv().SITE_URL, show!.version),
  );
}
