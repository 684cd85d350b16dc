import type { Metadata } from "next";
import { SITE_FEEDS } from "@/lib/syndication/links";
import { StoryCard } from "@/components/story/story-card";
import { Pagination } from "@/components/ui/pagination";
import { listStories } from "@/lib/stories";
import { firstValues, pageSearchParamsSchema } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Stories", alternates: { canonical: "/stories", types: SITE_FEEDS } };

// Filtered and paged by the address: rendered per request.
export const dynamic = "force-dynamic";

export default async function StoriesPage({ searchParams }: PageProps<"/stories">) {
  const { page } = pageSearchParamsSchema.parse(firstValues(await searchParams));
  const list = await listStories(page);
  return (
    <>
      <h1 className="mb-6 font-display text-4xl font-bold">Stories</h1>
      {list.stories.length ? (
        <div className="grid gap-6 md:grid-cols-2">
          {list.stories.map((story) => (
            <StoryCard key={story.slug} story={story} />
          ))}
        </div>
      ) : (
        <p className="text-muted">No stories yet.</p>
      )}
      <Pagination page={list.page} pageCount={list.pageCount} basePath="/stories" />
    </>
  );
}
