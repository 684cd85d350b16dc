import Link from "next/link";
import { StoryCard } from "@/components/story/story-card";
import { Pagination } from "@/components/ui/pagination";
import { storyCategories, storyList } from "@/lib/cache/reads";
import type { StoryListFilter } from "@/lib/stories/stories";

export interface StoryIndexProps {
  title: string;
  description?: string;
  basePath: string;
  filter: StoryListFilter;
}

/** The stories index and its category and tag pages: the list, the categories to move between, the pages. */
export async function StoryIndex({ title, description, basePath, filter }: StoryIndexProps) {
  const [list, categories] = await Promise.all([storyList(filter), storyCategories()]);
  return (
    <>
      <h1 className="font-display text-4xl font-bold">{title}</h1>
      {description ? <p className="mt-2 max-w-2xl text-gray-700">{description}</p> : null}
      {categories.length ? (
        <nav aria-label="Story categories" className="mt-4">
          <ul className="flex flex-wrap gap-2 text-sm">
            <li>
              <Link
                href="/stories"
                aria-current={basePath === "/stories" ? "page" : undefined}
                className="rounded-full bg-white px-3 py-1 ring-1 ring-black/10 hover:ring-accent aria-[current=page]:bg-ink aria-[current=page]:text-white"
              >
                All
              </Link>
            </li>
            {categories.map((category) => {
              const href = `/stories/category/${category.slug}`;
              return (
                <li key={category.slug}>
                  <Link
                    href={href}
                    aria-current={basePath === href ? "page" : undefined}
                    className="rounded-full bg-white px-3 py-1 ring-1 ring-black/10 hover:ring-accent aria-[current=page]:bg-ink aria-[current=page]:text-white"
                  >
                    {category.name}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      ) : null}
      <div className="mt-6">
        {list.stories.length ? (
          <div className="grid gap-6 md:grid-cols-2">
            {list.stories.map((story) => (
              <StoryCard key={story.slug} story={story} />
            ))}
          </div>
        ) : (
          <p className="text-muted">{filter.period ? "No stories from then." : "No stories yet."}</p>
        )}
      </div>
      <Pagination page={list.page} pageCount={list.pageCount} basePath={basePath} query={{ period: filter.period }} />
    </>
  );
}
