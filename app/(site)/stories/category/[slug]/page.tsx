import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryIndex } from "@/components/story/story-index";
import { storyCategory } from "@/lib/cache/reads";
import { findBySlug, firstValues, pageSearchParamsSchema } from "@/lib/validations/params";

// Paged by the address: rendered per request.
export const dynamic = "force-dynamic";

async function loadCategory(params: PageProps<"/stories/category/[slug]">["params"]) {
  const category = await findBySlug(params, storyCategory);
  if (!category) notFound();
  return category;
}

export async function generateMetadata({ params }: PageProps<"/stories/category/[slug]">): Promise<Metadata> {
  const category = await loadCategory(params);
  return {
    title: `${category.name} · Stories`,
    description: category.description || undefined,
    alternates: { canonical: `/stories/category/${category.slug}` },
  };
}

export default async function StoryCategoryPage({ params, searchParams }: PageProps<"/stories/category/[slug]">) {
  const category = await loadCategory(params);
  const { page } = pageSearchParamsSchema.parse(firstValues(await searchParams));
  return (
    <StoryIndex
      title={category.name}
      description={category.description}
      basePath={`/stories/category/${category.slug}`}
      filter={{ page, categorySlug: category.slug }}
    />
  );
}
