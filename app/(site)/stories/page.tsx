import type { Metadata } from "next";
import { StoryIndex } from "@/components/story/story-index";
import { SITE_FEEDS } from "@/lib/syndication/links";
import { periodLabel } from "@/lib/stories/stories";
import { firstValues, storiesSearchParamsSchema } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Stories", alternates: { canonical: "/stories", types: SITE_FEEDS } };

// Paged by the address: rendered per request.
export const dynamic = "force-dynamic";

export default async function StoriesPage({ searchParams }: PageProps<"/stories">) {
  const { page, period } = storiesSearchParamsSchema.parse(firstValues(await searchParams));
  return <StoryIndex title={period ? `Stories from ${periodLabel(period)}` : "Stories"} basePath="/stories" filter={{ page, period }} />;
}
