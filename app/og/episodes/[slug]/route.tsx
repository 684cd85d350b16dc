// The Open Graph image of an episode whose feed gives no artwork: its title and show on the site's colours, so a
// shared link still shows a card. Generated once per episode and then cached.
import { ImageResponse } from "next/og";
import { getEpisode } from "@/lib/episodes";
import { formatDate, episodeLabel } from "@/lib/format";
import { slugParamSchema } from "@/lib/validations/params";

export const revalidate = 86400;

export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: RouteContext<"/og/episodes/[slug]">) {
  const parsed = slugParamSchema.safeParse(await params);
  const episode = parsed.success ? await getEpisode(parsed.data.slug) : null;
  if (!episode) return new Response("No such episode.", { status: 404 });
  const label = [episodeLabel(episode), formatDate(episode.publishedAt)].filter(Boolean).join(" · ");
  return new ImageResponse(
    (
      <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: 72, background: "linear-gradient(135deg, #c2410c 0%, #14161c 70%)", color: "white" }}>
        <div style={{ fontSize: 34, letterSpacing: 4, textTransform: "uppercase", opacity: 0.85 }}>{episode.show.title}</div>
        <div style={{ fontSize: episode.title.length > 60 ? 60 : 76, fontWeight: 700, lineHeight: 1.1, display: "flex" }}>{episode.title.slice(0, 140)}</div>
        <div style={{ fontSize: 30, opacity: 0.85 }}>{label || "Listen now"}</div>
      </div>
    ),
    { width: 1200, height: 630 },
  );
}
