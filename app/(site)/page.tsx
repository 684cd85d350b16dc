import type { Metadata } from "next";
import { SITE_FEEDS } from "@/lib/syndication/links";
import { EpisodeCard } from "@/components/episode/episode-card";
import { FeaturedEpisode } from "@/components/episode/featured-episode";
import { NewsletterBox } from "@/components/newsletter/newsletter-box";
import { StoryCard } from "@/components/story/story-card";
import { CardSection } from "@/components/ui/card-section";
import { latestEpisodes, latestStories, mostListened, siteShow } from "@/lib/cache/reads";
import { getEnv } from "@/lib/env";
import { jsonLdText, websiteJsonLd } from "@/lib/site/structured-data";

export async function generateMetadata(): Promise<Metadata> {
  const show = await siteShow();
  return { title: show?.title ?? "Showfront", description: show?.description.slice(0, 300) || undefined, alternates: { canonical: "/", types: SITE_FEEDS } };
}

// Rendered per request from cached data (lib/cache/reads.ts), and shared by the front for a moment
// (lib/serving/shared-cache-headers.ts): a page without route params would otherwise be prerendered by `next build`,
// which runs with no database.
export const dynamic = "force-dynamic";

const HOME_EPISODES = 7;
const HOME_STORIES = 4;
const HOME_MOST_LISTENED = 5;

export default async function HomePage() {
  const [episodes, stories, show, listened] = await Promise.all([
    latestEpisodes(HOME_EPISODES),
    latestStories(HOME_STORIES),
    siteShow(),
    mostListened(HOME_MOST_LISTENED),
  ]);
  const [featured, ...recent] = episodes;

  if (!featured && stories.length === 0) {
    return (
      <section className="py-20 text-center">
        <h1 className="font-display text-3xl font-bold">Nothing published yet</h1>
        <p className="mt-3 text-muted">Episodes appear here as soon as the show&apos;s feed is imported.</p>
      </section>
    );
  }

  return (
    <div className="space-y-12">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(websiteJsonLd(show?.title ?? "Showfront", getEnv().SITE_URL)) }} />
      <h1 className="sr-only">Latest episodes and stories</h1>
      {featured ? <FeaturedEpisode episode={featured} /> : null}
      <div className="grid gap-10 lg:grid-cols-[3fr_2fr]">
        {recent.length ? (
          <CardSection id="recent-episodes" title="Recent episodes" more={{ href: "/episodes", label: "All episodes →" }}>
            {recent.map((episode) => (
              <EpisodeCard key={episode.slug} episode={episode} />
            ))}
          </CardSection>
        ) : null}
        {stories.length ? (
          <CardSection id="latest-stories" title="Latest stories" more={{ href: "/stories", label: "All stories →" }}>
            {stories.map((story) => (
              <StoryCard key={story.slug} story={story} />
            ))}
          </CardSection>
        ) : null}
      </div>
      {listened.length ? (
        <CardSection id="most-listened" title="Most listened this week">
          {listened.map((episode) => (
            <EpisodeCard key={episode.slug} episode={episode} />
          ))}
        </CardSection>
      ) : null}
      <NewsletterBox source="/" />
    </div>
  );
}
