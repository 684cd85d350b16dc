// The measurement prefix of the podcast feeds' enclosures (lib/analytics/downloads.ts): counts a download and sends
// the app on to the audio's real address, read from the episode, never from the request.
import { followMeasuredAudio } from "@/lib/analytics/downloads";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

const measured = route(async (request: Request, { params }: { params: Promise<{ episode: string; file: string }> }) => {
  const { episode } = await params;
  const location = await followMeasuredAudio(episode, request);
  if (!location) throw new AppError("not-found", "No such episode audio.");
  return new Response(null, { status: 302, headers: { location, "cache-control": "private, no-store" } });
});

export const GET = measured;
export const HEAD = measured;
