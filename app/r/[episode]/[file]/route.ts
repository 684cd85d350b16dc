// The measurement prefix of the podcast feeds' enclosures (lib/analytics/downloads.ts): counts a download and sends
// the app on to the audio's real address, read from the episode, never from the request.
import { followMeasuredAudio } from "@/lib/analytics/downloads";

async function measured(request: Request, { params }: { params: Promise<{ episode: string; file: string }> }): Promise<Response> {
  const { episode } = await params;
  const location = await followMeasuredAudio(episode, request);
  if (!location) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(null, { status: 302, headers: { location, "cache-control": "private, no-store" } });
}

export const GET = measured;
export const HEAD = measured;
