import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { formatDate } from "@/lib/format";
import { SITE_FEEDS } from "@/lib/syndication/links";
import { getStory } from "@/lib/stories";
import { findBySlug } from "@/lib/validations/params";
import { CommentSection } from "@/components/comments/comment-section";
import { NewsletterBox } from "@/components/newsletter/newsletter-box";

// Cached like episode pages: rendered on the first request, refreshed in the background at most once a minute.
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

async function loadStory(params: PageProps<"/stories/[slug]">["params"]) {
  const story = await findBySlug(params, getStory);
  if (!story) notFound();
  return story;
}

export async function generateMetadata({ params }: PageProps<"/stories/[slug]">): Promise<Metadata> {
  const story = await loadStory(params);
  const image = story.heroImageUrl ? { url: story.heroImageUrl } : { url: `/og/stories/${story.slug}`, width: 1200, height: 630, alt: story.title };
  return {
    title: story.title,
    description: story.dek,
    alternates: { canonical: `/stories/${story.slug}`, types: SITE_FEEDS },
    openGraph: { type: "article", title: story.title, description: story.dek, url: `/stories/${story.slug}`, publishedTime: story.publishedAt?.toISOString(), images: [image] },
    twitter: { card: "summary_large_image", title: story.title, description: story.dek, images: [image.url] },
  };
}

export default async function StoryPage({ params }: PageProps<"/stories/[slug]">) {
  const story = await loadStory(params);
  return (
    <article className="mx-auto max-w-2xl">
      <header>
        {story.categories.length ? (
          <p className="text-sm font-semibold uppercase tracking-widest text-accent-dark">
            {story.categories.map(({ category }) => category.name).join(" · ")}
          </p>
        ) : null}
        <h1 className="mt-2 font-display text-4xl font-bold leading-tight">{story.title}</h1>
        {story.dek ? <p className="mt-3 text-xl text-gray-700">{story.dek}</p> : null}
        <p className="mt-4 text-sm text-muted">
          {story.authorName ? <>By {story.authorName} · </> : null}
          {story.publishedAt ? <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time> : null}
          {" · "}
          {story.readingMinutes} min read
        </p>
      </header>
      {story.heroImageUrl ? (
        <figure className="mt-8">
          {/* eslint-disable-next-line @next/next/no-img-element -- hero images are uploaded or imported by URL */}
          <img src={story.heroImageUrl} alt={story.heroCaption ?? ""} className="w-full rounded-lg" />
          {story.heroCaption || story.heroCredit ? (
            <figcaption className="mt-2 text-sm text-muted">
              {story.heroCaption} {story.heroCredit ? <span>({story.heroCredit})</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <div className="prose-content mt-8" dangerouslySetInnerHTML={{ __html: story.bodyHtml }} />
      <CommentSection kind="story" slug={story.slug} />
      <NewsletterBox source={`/stories/${story.slug}`} />
    </article>
  );
}
