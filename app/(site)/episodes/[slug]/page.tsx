import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CommentSection } from "@/components/comments/comment-section";
import { EpisodeCard } from "@/components/episode/episode-card";
import { EpisodeMeta } from "@/components/episode/episode-meta";
import { ListenLinks } from "@/components/episode/listen-links";
import { ListenWatch } from "@/components/episode/listen-watch";
import { NewsletterBox } from "@/components/newsletter/newsletter-box";
import { People } from "@/components/episode/people";
import { SharePanel } from "@/components/episode/share-panel";
import { Transcript } from "@/components/episode/transcript";
import { ChapterList } from "@/components/player/chapter-list";
import { PlayButton } from "@/components/player/play-button";
import { StoryCard } from "@/components/story/story-card";
import { Artwork } from "@/components/ui/artwork";
import { CardSection } from "@/components/ui/card-section";
import { PageSection } from "@/components/ui/page-section";
import { getEnv } from "@/lib/env";
import { episodeExtras, getEpisode, listenLinks, playableEpisode } from "@/lib/episodes/episodes";
import { relatedEpisodes, relatedStories } from "@/lib/search/related";
import { getLatestStories } from "@/lib/stories/stories";
import { episodeJsonLd, jsonLdText } from "@/lib/site/structured-data";
import { findBySlug } from "@/lib/validations/params";
import { oembedPath, podcastFeedPath, SITE_FEEDS } from "@/lib/syndication/links";
import { videoEmbedFor } from "@/lib/platforms/video-embeds";

// Rendered on its first request, then served from the cache and rendered again in the background at most once a
// minute, so a feed import shows within a minute while a rush of listeners costs one render. A shared moment
// (?t=) is read in the browser, so every address of an episode is the same cached page.
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

// Metadata and page read the same episode: one query per render.
const findEpisode = cache(getEpisode);

async function loadEpisode(params: PageProps<"/episodes/[slug]">["params"]) {
  const episode = await findBySlug(params, findEpisode);
  if (!episode) notFound();
  return episode;
}

export async function generateMetadata({ params }: PageProps<"/episodes/[slug]">): Promise<Metadata> {
  const episode = await loadEpisode(params);
  const title = `${episode.title} · ${episode.show.title}`;
  const artwork = episode.artworkUrl ?? episode.show.artworkUrl;
  const image = artwork ? { url: artwork } : { url: `/og/episodes/${episode.slug}`, width: 1200, height: 630, alt: episode.title };
  return {
    title,
    description: episode.summary,
    alternates: {
      canonical: `/episodes/${episode.slug}`,
      types: {
        ...SITE_FEEDS,
        "application/rss+xml": [{ url: podcastFeedPath(episode.show.slug), title: `${episode.show.title} (podcast)` }, ...SITE_FEEDS["application/rss+xml"]],
        "application/json+oembed": [{ url: oembedPath(episode.slug, getEnv().SITE_URL), title: episode.title }],
      },
    },
    openGraph: {
      type: "article",
      title,
      description: episode.summary,
      url: `/episodes/${episode.slug}`,
      siteName: episode.show.title,
      publishedTime: episode.publishedAt.toISOString(),
      images: [image],
      ...(episode.audioUrl && { audio: [{ url: episode.audioUrl, type: episode.audioType ?? undefined }] }),
    },
    twitter: { card: "summary_large_image", title, description: episode.summary, images: [image.url] },
  };
}

export default async function EpisodePage({ params }: PageProps<"/episodes/[slug]">) {
  const episode = await loadEpisode(params);
  const { chapters, persons } = episodeExtras(episode);
  const source = { kind: "EPISODE", id: episode.id, showId: episode.showId } as const;
  const [moreEpisodes, matchingStories] = await Promise.all([relatedEpisodes(source), relatedStories(source)]);
  const stories = matchingStories.length ? { title: "Related stories", list: matchingStories } : { title: "Latest stories", list: await getLatestStories(3) };
  const base = playableEpisode(episode);
  const playable = base && { ...base, chapters };
  const links = listenLinks(episode);
  const siteUrl = getEnv().SITE_URL;
  return (
    <article className="mx-auto max-w-3xl">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(episodeJsonLd(episode, siteUrl)) }} />
      <header className="flex flex-col gap-6 sm:flex-row sm:items-end">
        <Artwork
          src={episode.artworkUrl ?? episode.show.artworkUrl}
          title={episode.show.title}
          size={192}
          sizes="(min-width: 640px) 192px, 160px"
          priority
          className="w-40 sm:w-48"
        />
        <div>
          <p className="text-sm font-semibold uppercase tracking-widest text-accent-dark">
            <Link href={`/shows/${episode.show.slug}`}>{episode.show.title}</Link>
          </p>
          <h1 className="mt-1 font-display text-3xl font-bold leading-tight sm:text-4xl">{episode.title}</h1>
          <div className="mt-2">
            <EpisodeMeta {...episode} />
          </div>
          {episode.explicit ? <p className="mt-2 inline-block rounded bg-gray-200 px-2 py-0.5 text-xs font-semibold uppercase">Explicit</p> : null}
        </div>
      </header>

      {episode.goneAt ? (
        <p role="status" className="mt-6 rounded-lg bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200">
          This episode is no longer in the show&apos;s feed. Its page stays here so links to it keep working.
        </p>
      ) : null}

      {playable ? (
        <section aria-label="Listen" className="mt-8 rounded-xl bg-white p-4 shadow-sm ring-1 ring-black/5">
          <ListenWatch video={videoEmbedFor(links)} title={episode.title}>
            <PlayButton episode={playable} followSharedMoment />
            <a href={playable.audioUrl} download className="text-sm underline">
              Download
            </a>
          </ListenWatch>
        </section>
      ) : null}

      <ListenLinks links={links} />

      {episode.notesHtml ? (
        <PageSection id="show-notes" title="Show notes">
          <div className="prose-content" dangerouslySetInnerHTML={{ __html: episode.notesHtml }} />
        </PageSection>
      ) : null}

      {playable && chapters.length ? <ChapterList episode={playable} chapters={chapters} /> : null}
      {episode.transcriptText ? <Transcript slug={episode.slug} episode={playable} lineCount={episode.transcriptText.split("\n").length} /> : null}
      <People persons={persons} />
      <NewsletterBox source={`/episodes/${episode.slug}`} />

      <div className="mt-12 space-y-10">
        {moreEpisodes.length ? (
          <CardSection id="related-episodes" title="Related episodes">
            {moreEpisodes.map((related) => (
              <EpisodeCard key={related.slug} episode={related} />
            ))}
          </CardSection>
        ) : null}
        {stories.list.length ? (
          <CardSection id="related-stories" title={stories.title}>
            {stories.list.map((story) => (
              <StoryCard key={story.slug} story={story} />
            ))}
          </CardSection>
        ) : null}
      </div>

      <SharePanel url={new URL(`/episodes/${episode.slug}`, siteUrl).toString()} title={episode.title} episodeSlug={episode.slug} />

      <CommentSection kind="episode" slug={episode.slug} episode={playable} />
    </article>
  );
}
