// oEmbed (https://oembed.com): pasting an episode's address into a site that speaks it shows our player.
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { getEpisodeCard } from "@/lib/episodes/episodes";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { embedPath } from "@/lib/syndication/links";
import { escapeXml } from "@/lib/syndication/xml";

const DEFAULT_WIDTH = 600;
const HEIGHT = 140;

const oembedQuerySchema = z.object({
  url: z.string().max(2048),
  format: z.enum(["json", "xml"]).default("json"),
  maxwidth: z.coerce.number().int().min(200).max(4000).optional().catch(undefined),
  maxheight: z.coerce.number().int().min(80).max(4000).optional().catch(undefined),
});

function episodeSlugOf(url: string, siteUrl: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url, siteUrl);
  } catch {
    return undefined;
  }
  if (parsed.origin !== new URL(siteUrl).origin) return undefined;
  return /^\/episodes\/([a-z0-9]+(?:-[a-z0-9]+)*)\/?$/.exec(parsed.pathname)?.[1];
}

export const GET = route(async (request: Request) => {
  const parsed = oembedQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("bad-request", "Give the address of an episode page as ?url=.");
  // oEmbed's answer for a format not offered.
  if (parsed.data.format === "xml") return Response.json({ error: "Only the JSON format is offered." }, { status: 501 });
  const siteUrl = getEnv().SITE_URL;
  const slug = episodeSlugOf(parsed.data.url, siteUrl);
  const episode = slug ? await getEpisodeCard(slug) : null;
  if (!episode) throw new AppError("not-found", "That address is not an episode of this site.");

  const width = Math.min(parsed.data.maxwidth ?? DEFAULT_WIDTH, DEFAULT_WIDTH);
  const height = Math.min(parsed.data.maxheight ?? HEIGHT, HEIGHT);
  const src = new URL(embedPath(episode.slug), siteUrl).toString();
  const artwork = episode.artworkUrl ?? episode.show.artworkUrl;
  return Response.json(
    {
      version: "1.0",
      type: "rich",
      provider_name: episode.show.title,
      provider_url: siteUrl,
      title: episode.title,
      author_name: episode.show.title,
      html: `<iframe src="${escapeXml(src)}" width="${width}" height="${height}" frameborder="0" loading="lazy" title="${escapeXml(episode.title)}" style="border:0;max-width:100%"></iframe>`,
      width,
      height,
      cache_age: 3600,
      ...(artwork && { thumbnail_url: new URL(artwork, siteUrl).toString() }),
    },
    { headers: { "cache-control": "public, max-age=3600, s-maxage=300" } },
  );
});
