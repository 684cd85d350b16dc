import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { CommentSection } from "@/components/comments/comment-section";
import { EpisodeCard } from "@/components/episode/episode-card";
import { ListenLinks } from "@/components/episode/listen-links";
import { SharePanel } from "@/components/episode/share-panel";
import { NewsletterBox } from "@/components/newsletter/newsletter-box";
import { PlayButton } from "@/components/player/play-button";
import { StoryCard } from "@/components/story/story-card";
import { CardSection } from "@/components/ui/card-section";
import { getEnv } from "@/lib/env";
import { formatDate } from "@/lib/text/format";
import { relatedEpisodes, relatedStories } from "@/lib/search/related";
import { siteName } from "@/lib/shows/shows";
import { currentStorySlug, getStory } from "@/lib/stories/stories";
import { jsonLdText, storyJsonLd } from "@/lib/site/structured-data";
import { SITE_FEEDS } from "@/lib/syndication/links";
import { slugParamSchema } from "@/lib/validations/params";

// Cached like episode pages: rendered on the first request, refreshed in the background at most once a minute.
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

const findStory = cache(async (slug: string) => getStory(slug, await siteName()));

// A story's old slug (renamed in the editor, or a WordPress slug) answers with a permanent redirect.
async function loadStory(params: PageProps<"/stories/[slug]">["params"]) {
  const parsed = slugParamSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const story = await findStory(parsed.data.slug);
  if (story) return story;
  const moved = await currentStorySlug({ oldSlug: parsed.data.slug });
  if (moved) permanentRedirect(`/stories/${moved}`);
  notFound();
}

export async function generateMetadata({ params }: PageProps<"/stories/[slug]">): Promise<Metadata> {
  const story = await loadStory(params);
  const image = story.heroImageUrl
    ? { url: story.heroImageUrl, alt: story.heroAlt }
    : { url: `/og/stories/${story.slug}`, width: 1200, height: 630, alt: story.title };
  return {
    title: story.title,
    description: story.dek,
    alternates: { canonical: `/stories/${story.slug}`, types: SITE_FEEDS },
    openGraph: {
      type: "article",
      title: story.title,
      description: story.dek,
      url: `/stories/${story.slug}`,
      publishedTime: story.publishedAt?.toISOString(),
      modifiedTime: story.updatedAt.toISOString(),
      authors: story.authorName ? [story.authorName] : undefined,
      section: story.categories[0]?.category.name,
      tags: story.tags.map((tag) => tag.name),
      images: [image],
    },
    twitter: { card: "summary_large_image", title: story.title, description: story.dek, images: [image.url] },
  };
}

export default async function StoryPage({ params }: PageProps<"/stories/[slug]">) {
  const story = await loadStory(params);
  const siteUrl = getEnv().SITE_URL;
  const source = { kind: "STORY", id: story.id } as const;
  const [episodes, stories] = story.kind === "ARTICLE" ? await Promise.all([relatedEpisodes(source, 3), relatedStories(source, 3)]) : [[], []];
  return (
    <article className="mx-auto max-w-2xl">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(storyJsonLd(story, await siteName(), siteUrl)) }} />
      <header>
        {story.categories.length ? (
          <p className="text-sm font-semibold uppercase tracking-widest text-accent-dark">
            {story.categories.map(({ category }, index) => (
              <span key={category.slug}>
                {index > 0 ? " · " : null}
                <Link href={`/stories/category/${category.slug}`}>{category.name}</Link>
              </span>
            ))}
          </p>
        ) : null}
        <h1 className="mt-2 font-display text-4xl font-bold leading-tight">{story.title}</h1>
        {story.dek ? <p className="mt-3 text-xl text-gray-700">{story.dek}</p> : null}
        {story.kind === "ARTICLE" ? (
          <p className="mt-4 text-sm text-muted">
            {story.authorName ? <>By {story.authorName} · </> : null}
            {story.publishedAt ? <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time> : null}
            {" · "}
            {story.readingMinutes} min read
          </p>
        ) : null}
      </header>
      {story.listen ? (
        <section aria-label="Listen" className="mt-6 flex flex-wrap items-center gap-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-black/5">
          <PlayButton episode={story.listen.episode} startAt={story.listen.startAt} label="Listen" />
          {story.listen.episodeSlug ? (
            <p className="text-sm text-muted">
              From the episode{" "}
              <Link href={`/episodes/${story.listen.episodeSlug}`} className="underline">
                {story.listen.episode.title}
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <ListenLinks links={story.listenLinks} />
      {story.heroImageUrl ? (
        <figure className="mt-8">
          {/* eslint-disable-next-line @next/next/no-img-element -- uploads come in prepared sizes (srcset); imported images are used by address */}
          <img
            src={story.heroImageUrl}
            srcSet={story.heroImageSrcset ?? undefined}
            sizes="(min-width: 672px) 672px, 100vw"
            alt={story.heroAlt || story.heroCaption || ""}
            className="w-full rounded-lg"
          />
          {story.heroCaption || story.heroCredit ? (
            <figcaption className="mt-2 text-sm text-muted">
              {story.heroCaption} {story.heroCredit ? <span>({story.heroCredit})</span> : null}
            </figcaption>
          ) : null}
        </figure>
      ) : null}
      <div className="prose-content mt-8" dangerouslySetInnerHTML={{ __html: story.bodyHtml }} />
      {story.tags.length ? (
        <ul aria-label="Tags" className="mt-8 flex flex-wrap gap-2">
          {story.tags.map((tag) => (
            <li key={tag.slug}>
              <Link href={`/stories/tag/${tag.slug}`} className="rounded-full bg-white px-3 py-1 text-sm ring-1 ring-black/10 hover:ring-accent">
                #{tag.name}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-8">
        <SharePanel url={new URL(`/stories/${story.slug}`, siteUrl).toString()} title={story.title} />
      </div>
      <NewsletterBox source={`/stories/${story.slug}`} />
      <div className="mt-12 space-y-10">
        {episodes.length ? (
          <CardSection id="related-episodes" title="Related episodes">
            {episodes.map((episode) => (
              <EpisodeCard key={episode.slug} episode={episode} />
            ))}
          </CardSection>
        ) : null}
        {stories.length ? (
          <CardSection id="related-stories" title="Related stories">
            {stories.map((related) => (
              <StoryCard key={related.slug} story={related} />
            ))}
          </CardSection>
        ) : null}
      </div>
      <CommentSection kind="story" slug={story.slug} />
    </article>
  );
}
