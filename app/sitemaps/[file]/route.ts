// One numbered sitemap: /sitemaps/0.xml, /sitemaps/1.xml, …
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { sitemap } from "@/lib/cache/reads";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const fileSchema = z.object({
  file: z
    .string()
    .regex(/^\d{1,6}\.xml$/)
    .transform((file) => Number(file.slice(0, -4))),
});

export const GET = route(async (_request: Request, { params }: RouteContext<"/sitemaps/[file]">) => {
  const parsed = fileSchema.safeParse(await params);
  const xml = parsed.success ? await sitemap(parsed.data.file, getEnv().SITE_URL) : null;
  if (!xml) throw new AppError("not-found", "No such sitemap.");
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8", "cache-control": "public, max-age=3600, s-maxage=300" } });
});
