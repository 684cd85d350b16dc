// The site's Open Graph image, for pages without one of their own (home, lists, search).
import { ogCard } from "@/components/og/og-card";
import { getSiteShow } from "@/lib/shows/shows";

export const dynamic = "force-dynamic";

export async function GET() {
  const show = await getSiteShow();
  return ogCard({ kicker: "Listen · Read · Subscribe", title: show?.title ?? "Showfront", footer: show?.author || "Episodes and stories" });
}
