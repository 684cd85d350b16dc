// Another Next process of this site tells this one which cached pages a change made stale (lib/site/revalidate.ts).
import { readJson } from "@/lib/http/forms";
import { fromPeer, peerRevalidateSchema, revalidateHere } from "@/lib/site/revalidate";

export async function POST(request: Request) {
  if (!fromPeer(request)) return new Response(null, { status: 404 });
  const parsed = peerRevalidateSchema.safeParse(await readJson(request));
  if (!parsed.success) return Response.json({ error: "Name the pages: { targets: [{ path, type? }] }." }, { status: 400 });
  revalidateHere(parsed.data.targets);
  return new Response(null, { status: 204 });
}
