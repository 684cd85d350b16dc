import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryIndex } from "@/components/story/story-index";
import { storyTag } from "@/lib/cache/reads";
import { findBySlug, firstValues, pageSearchParamsSchema } from "@/lib/validations/params";

// Paged by the address: rendered per request.
export const dynamic = "force-dynamic";

async function loadTag(params: PageProps<"/stories/tag/[slug]">["params"]) {
  const tag = await findBySlug(params, storyTag);
  if (!tag) notFound();
  return tag;
}

export async function generateMetadata({ params }: PageProps<"/stories/tag/[slug]">): Promise<Metadata> {
  const tag = await loadTag(params);
  return { title: `#${tag.name} · Stories`, alternates: { canonical: `/stories/tag/${tag.slug}` } };
}

export default async function StoryTagPage({ params, searchParams }: PageProps<"/stories/tag/[slug]">) {
  const tag = await loadTag(params);
  const { page } = pageSearchParamsSchema.parse(firstValues(await searchParams));
  return <StoryIndex title={`#${tag.name}`} basePath={`/stories/tag/${tag.slug}`} filter={{ page, tagSlug: tag.slug }} />;
}
