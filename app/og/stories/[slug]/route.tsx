// The Open Graph image of a story without a hero image.
import { ogCard } from "@/components/og/og-card";
import { formatDate } from "@/lib/text/format";
import { getStory } from "@/lib/stories/stories";
import { findBySlug } from "@/lib/validations/params";

export const revalidate = 86400;

export async function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: RouteContext<"/og/stories/[slug]">) {
  const story = await findBySlug(params, getStory);
  if (!story) return new Response("No such story.", { status: 404 });
  return ogCard({ kicker: "Story", title: story.title, footer: [story.authorName, formatDate(story.publishedAt)].filter(Boolean).join(" · ") });
}
