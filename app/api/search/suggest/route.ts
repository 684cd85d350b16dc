// Title suggestions for the header's search box, as the listener types.
import { searchSuggestions } from "@/lib/search/search";
import { suggestSearchParamsSchema } from "@/lib/validations/params";

export async function GET(request: Request) {
  const parsed = suggestSearchParamsSchema.safeParse({ q: new URL(request.url).searchParams.get("q") ?? "" });
  if (!parsed.success) return Response.json({ suggestions: [] }, { headers: { "cache-control": "no-store" } });
  return Response.json({ suggestions: await searchSuggestions(parsed.data.q) }, { headers: { "cache-control": "public, s-maxage=30" } });
}
