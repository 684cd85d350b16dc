import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EpisodeMeta } from "@/components/episode/episode-meta";
import { ListenLinks } from "@/components/episode/listen-links";
import { ChapterList } from "@/components/player/chapter-list";
import { PlayButton } from "@/components/player/play-button";
import { chaptersFromNotes } from "@/lib/chapters";
import { Artwork } from "@/components/ui/artwork";
import { getEpisode, listenLinks, playableEpisode } from "@/lib/episodes";
import { cache } from "react";
import { getEnv } from "@/lib/env";
import { episodeJsonLd, jsonLdText } from "@/lib/structured-data";
import { firstValues, slugParamSchema, startTimeSearchParamsSchema } from "@/lib/validations/params";

// Metadata and page read the same episode: one query per request.
const findEpisode = cache(getEpisode);

async function loadEpisode(params: PageProps<"/episodes/[slug]">["params"]) {
  const parsed = slugParamSchema.safeParse(await params);
  const episode = parsed.success ? await findEpisode(parsed.data.slug) : null;
  if (!episode) notFound();
  return episode;
}

export async function generateMetadata({ params }: PageProps<"/episodes/[slug]">): Promise<Metadata> {
  const episode = await loadEpisode(params);
  const title = `${episode.title} · ${episode.show.title}`;
  const image = episode.artworkUrl ?? episode.show.artworkUrl;
  return {
    title,
    description: episode.summary,
    alternates: { canonical: `/episodes/${episode.slug}` },
    openGraph: {
      type: "article",
      title,
      description: episode.summary,
      url: `/episodes/${episode.slug}`,
      siteName: episode.show.title,
      publishedTime: episode.publishedAt.toISOString(),
      ...(image && { images: [{ url: image }] }),
      ...(episode.audioUrl && { audio: [{ url: episode.audioUrl, type: episode.audioType ?? undefined }] }),
    },
    twitter: { card: image ? "summary_large_image" : "summary", title, description: episode.summary },
  };
}

export default async function EpisodePage({ params, searchParams }: PageProps<"/episodes/[slug]">) {
  const episode = await loadEpisode(params);
  const { t: startAt } = startTimeSearchParamsSchema.parse(firstValues(await searchParams));
  const chapters = chaptersFromNotes(episode.notesHtml);
  const base = playableEpisode(episode);
  const playable = base && { ...base, chapters };
  return (
    <article className="mx-auto max-w-3xl">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(episodeJsonLd(episode, getEnv().SITE_URL)) }} />
      <header className="flex flex-col gap-6 sm:flex-row sm:items-end">
        <Artwork src={episode.artworkUrl ?? episode.show.artworkUrl} title={episode.show.title} size={200} className="w-40 sm:w-48" />
        <div>
          <p className="text-sm font-semibold uppercase tracking-widest text-accent-dark">
            <Link href="/episodes">{episode.show.title}</Link>
          </p>
          <h1 className="mt-1 font-display text-3xl font-bold leading-tight sm:text-4xl">{episode.title}</h1>
          <div className="mt-2">
            <EpisodeMeta {...episode} />
          </div>
          {episode.explicit ? (
            <p className="mt-2 inline-block rounded bg-gray-200 px-2 py-0.5 text-xs font-semibold uppercase">Explicit</p>
          ) : null}
        </div>
      </header>

      {episode.goneAt ? (
        <p role="status" className="mt-6 rounded-lg bg-amber-50 p-4 text-amber-900 ring-1 ring-amber-200">
          This episode is no longer in the show&apos;s feed. Its page stays here so links to it keep working.
        </p>
      ) : null}

      {playable ? (
        <section aria-label="Listen" className="mt-8 flex flex-wrap items-center gap-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-black/5">
          <PlayButton episode={playable} startAt={startAt} />
          <a href={playable.audioUrl} download className="text-sm underline">
            Download
          </a>
        </section>
      ) : null}

      <ListenLinks links={listenLinks(episode)} />

      {playable && chapters.length ? <ChapterList episode={playable} chapters={chapters} /> : null}

      {episode.notesHtml ? (
        <section aria-labelledby="show-notes" className="mt-10">
          <h2 id="show-notes" className="mb-3 font-display text-2xl font-bold">
            Show notes
          </h2>
          <div className="prose-content" dangerouslySetInnerHTML={{ __html: episode.notesHtml }} />
        </section>
      ) : null}
    </article>
  );
}
