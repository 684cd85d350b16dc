import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EpisodeCard } from "@/components/episode/episode-card";
import { ListenLinks } from "@/components/episode/listen-links";
import { NewsletterBox } from "@/components/newsletter/newsletter-box";
import { Artwork } from "@/components/ui/artwork";
import { Pagination } from "@/components/ui/pagination";
import { episodeList } from "@/lib/cache/reads";
import { getEnv } from "@/lib/env";
import { listenLinks } from "@/lib/episodes/episodes";
import { getShowPage } from "@/lib/shows/shows";
import { jsonLdText, showJsonLd } from "@/lib/site/structured-data";
import { podcastFeedPath } from "@/lib/syndication/links";
import { findBySlug, firstValues, pageSearchParamsSchema } from "@/lib/validations/params";

// Paged by the address (?page=): rendered per request from the cached episode lists.
export const dynamic = "force-dynamic";

const findShow = cache(getShowPage);

async function loadShow(params: PageProps<"/shows/[slug]">["params"]) {
  const show = await findBySlug(params, findShow);
  if (!show) notFound();
  return show;
}

export async function generateMetadata({ params }: PageProps<"/shows/[slug]">): Promise<Metadata> {
  const show = await loadShow(params);
  return {
    title: show.title,
    description: show.description.slice(0, 300),
    alternates: { canonical: `/shows/${show.slug}`, types: { "application/rss+xml": [{ url: podcastFeedPath(show.slug), title: `${show.title} (podcast)` }] } },
    openGraph: {
      type: "website",
      title: show.title,
      description: show.description.slice(0, 300),
      url: `/shows/${show.slug}`,
      ...(show.artworkUrl && { images: [{ url: show.artworkUrl }] }),
    },
  };
}

export default async function ShowPage({ params, searchParams }: PageProps<"/shows/[slug]">) {
  const show = await loadShow(params);
  const { page } = pageSearchParamsSchema.parse(firstValues(await searchParams));
  const list = await episodeList({ page, showSlug: show.slug });
  return (
    <article className="mx-auto max-w-4xl">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(showJsonLd(show, getEnv().SITE_URL)) }} />
      <header className="flex flex-col gap-6 sm:flex-row sm:items-end">
        <Artwork src={show.artworkUrl} title={show.title} size={192} sizes="(min-width: 640px) 192px, 160px" priority className="w-40 sm:w-48" />
        <div>
          <h1 className="font-display text-4xl font-bold leading-tight">{show.title}</h1>
          {show.author ? <p className="mt-2 text-muted">By {show.author}</p> : null}
        </div>
      </header>
      {show.description ? <p className="mt-6 text-lg text-gray-700">{show.description}</p> : null}
      <ListenLinks links={listenLinks({ show, links: [] })} />
      <section aria-labelledby="show-episodes" className="mt-10">
        <h2 id="show-episodes" className="mb-4 font-display text-2xl font-bold">
          Episodes
        </h2>
        {list.episodes.length ? (
          <div className="grid gap-4 md:grid-cols-2">
            {list.episodes.map((episode) => (
              <EpisodeCard key={episode.slug} episode={episode} />
            ))}
          </div>
        ) : (
          <p className="text-muted">No episodes yet.</p>
        )}
        <Pagination page={list.page} pageCount={list.pageCount} basePath={`/shows/${show.slug}`} />
      </section>
      <NewsletterBox source={`/shows/${show.slug}`} />
    </article>
  );
}
