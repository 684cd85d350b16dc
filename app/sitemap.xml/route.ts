// The sitemap index: one entry per numbered sitemap.
import { getEnv } from "@/lib/env";
import { sitemapIndex } from "@/lib/cache/reads";

export const dynamic = "force-dynamic";

export async function GET() {
  return new Response(await sitemapIndex(getEnv().SITE_URL), {
    headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600, s-maxage=300" },
  });
}
