// Old WordPress addresses, rewritten here by next.config.ts: a permanent redirect to the page that holds the
// content now, or the site's own "not found" page.
import { notFound, permanentRedirect } from "next/navigation";
import { legacyQuerySchema, legacyWordPressTarget } from "@/lib/stories/legacy-urls";
import { firstValues } from "@/lib/validations/params";

// Answered per request: every address it answers is different.
export const dynamic = "force-dynamic";

export default async function LegacyWordPressPage({ searchParams }: PageProps<"/legacy/wordpress">) {
  const target = await legacyWordPressTarget(legacyQuerySchema.parse(firstValues(await searchParams)));
  if (!target) notFound();
  permanentRedirect(target);
}
