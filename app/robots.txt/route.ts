// robots.txt, written at request time: the sitemap address follows SITE_URL as the running server has it.
import { getEnv } from "@/lib/env";
import { robotsTxt } from "@/lib/syndication/sitemap";

export const dynamic = "force-dynamic";

export function GET() {
  return new Response(robotsTxt(getEnv().SITE_URL), { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "public, max-age=3600" } });
}
