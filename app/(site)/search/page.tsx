import type { Metadata } from "next";
import { EpisodeCard } from "@/components/episode/episode-card";
import { StoryCard } from "@/components/story/story-card";
import { CardSection } from "@/components/ui/card-section";
import { searchContent } from "@/lib/search";
import { SEARCH_QUERY_MAX, firstValues, searchSearchParamsSchema } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Search" };

// Filtered and paged by the address: rendered per request.
export const dynamic = "force-dynamic";

export default async function SearchPage({ searchParams }: PageProps<"/search">) {
  const parsed = searchSearchParamsSchema.safeParse(firstValues(await searchParams));
  const query = parsed.success ? parsed.data.q : undefined;
  const results = query ? await searchContent(query) : null;
  const count = results ? results.episodes.length + results.stories.length : 0;

  return (
    <>
      <h1 className="mb-6 font-display text-4xl font-bold">Search</h1>
      <form role="search" action="/search" className="flex max-w-xl gap-2">
        <label htmlFor="search-query" className="sr-only">
          Search episodes and stories
        </label>
        <input
          id="search-query"
          name="q"
          type="search"
          defaultValue={query}
          maxLength={SEARCH_QUERY_MAX}
          placeholder="Search episodes and stories"
          className="flex-1 rounded-full border border-gray-300 bg-white px-4 py-2 focus:border-accent focus:outline-none"
        />
        <button type="submit" className="rounded-full bg-accent px-5 py-2 font-semibold text-white hover:bg-accent-dark">
          Search
        </button>
      </form>
      {!parsed.success ? (
        <p role="alert" className="mt-4 text-red-700">
          {parsed.error.issues[0]?.message}
        </p>
      ) : null}
      {results ? (
        <div className="mt-8 space-y-8" aria-live="polite">
          <p className="text-muted">
            {count === 0 ? `Nothing found for “${query}”.` : `${count} result${count === 1 ? "" : "s"} for “${query}”.`}
          </p>
          {results.episodes.length ? (
            <CardSection id="episode-results" title="Episodes" twoColumns>
              {results.episodes.map((episode) => (
                <EpisodeCard key={episode.slug} episode={episode} />
              ))}
            </CardSection>
          ) : null}
          {results.stories.length ? (
            <CardSection id="story-results" title="Stories" twoColumns>
              {results.stories.map((story) => (
                <StoryCard key={story.slug} story={story} />
              ))}
            </CardSection>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
