import Link from "next/link";
import { formatDate } from "@/lib/text/format";
import type { StoryCard as StoryCardData } from "@/lib/stories/stories";

export interface StoryCardProps {
  story: StoryCardData;
}

export function StoryCard({ story }: StoryCardProps) {
  const category = story.categories[0]?.category;
  return (
    <article className="border-t-4 border-accent bg-white p-5 shadow-sm ring-1 ring-black/5">
      {category ? <p className="text-xs font-semibold uppercase tracking-widest text-accent-dark">{category.name}</p> : null}
      <h3 className="mt-1 font-display text-xl font-bold leading-snug">
        <Link href={`/stories/${story.slug}`} className="hover:text-accent-dark">
          {story.title}
        </Link>
      </h3>
      {story.dek ? <p className="mt-2 text-gray-700">{story.dek}</p> : null}
      <p className="mt-3 text-sm text-muted">
        {story.authorName ? <>By {story.authorName} · </> : null}
        {story.publishedAt ? <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time> : null}
      </p>
    </article>
  );
}
