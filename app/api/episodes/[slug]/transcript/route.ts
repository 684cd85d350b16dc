// An episode's transcript lines as JSON, for the episode page's transcript box. Cached like the page.
import { getEpisodeTranscript } from "@/lib/episodes/episodes";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { findBySlug } from "@/lib/validations/params";

export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export const GET = route(async (_request: Request, { params }: RouteContext<"/api/episodes/[slug]/transcript">) => {
  const transcript = await findBySlug(params, getEpisodeTranscript);
  if (!transcript) throw new AppError("not-found", "This episode has no transcript.");
  return Response.json({ cues: transcript.cues });
});
