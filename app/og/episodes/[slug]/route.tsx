// The Open Graph image of an episode whose feed gives no artwork. Generated once per episode and then cached.
import { ogCard } from "@/components/og/og-card";
import { getEpisodeCard } from "@/lib/episodes/episodes";
import { episodeLabel, formatDate } from "@/lib/text/format";
import { findBySlug } from "@/lib/validations/params";

export const revalidate = 86400;

export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: RouteContext<"/og/episodes/[slug]">) {
  const episode = await findBySlug(params, getEpisodeCard);
  if (!episode) return new Response("No such episode.", { status: 404 });
  const footer = [episodeLabel(episode), formatDate(episode.publishedAt)].filter(Boolean).join(" · ");
  return ogCard({ kicker: episode.show.title, title: episode.title, footer: footer || "Listen now" });
}
