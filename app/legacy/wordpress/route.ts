// Old WordPress addresses (rewritten here by next.config.ts) answered with a permanent redirect to the new page.
import { legacyQuerySchema, legacyWordPressTarget } from "@/lib/stories/legacy-urls";

export async function GET(request: Request) {
  const query = legacyQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const target = await legacyWordPressTarget(query);
  if (!target) return new Response("This page is not here any more.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(null, { status: 308, headers: { location: target, "cache-control": "public, max-age=3600" } });
}
