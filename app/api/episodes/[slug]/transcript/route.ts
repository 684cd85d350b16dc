// An episode's transcript lines as JSON, for the episode page's transcript box. Cached like the page.
import { getEpisodeTranscript } from "@/lib/episodes/episodes";
import { findBySlug } from "@/lib/validations/params";

export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: RouteContext<"/api/episodes/[slug]/transcript">) {
  const transcript = await findBySlug(params, getEpisodeTranscript);
  if (!transcript) return Response.json({ error: "This episode has no transcript." }, { status: 404 });
  return Response.json({ cues: transcript.cues });
}
