import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EpisodeCard } from "@/components/episode/episode-card";
import { StoryCard } from "@/components/story/story-card";
import { Artwork } from "@/components/ui/artwork";
import { getEnv } from "@/lib/env";
import { getPerson } from "@/lib/people/people";
import { jsonLdText, personJsonLd } from "@/lib/site/structured-data";
import { findBySlug } from "@/lib/validations/params";

// Rendered on the first request, then refreshed in the background at most once a minute, like episode pages.
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

const findPerson = cache(getPerson);

async function loadPerson(params: PageProps<"/people/[slug]">["params"]) {
  const person = await findBySlug(params, findPerson);
  if (!person) notFound();
  return person;
}

export async function generateMetadata({ params }: PageProps<"/people/[slug]">): Promise<Metadata> {
  const person = await loadPerson(params);
  return { title: person.name, description: `Episodes with ${person.name}, and their stories.`, alternates: { canonical: `/people/${person.slug}` } };
}

export default async function PersonPage({ params }: PageProps<"/people/[slug]">) {
  const person = await loadPerson(params);
  return (
    <article className="mx-auto max-w-4xl">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(personJsonLd(person, getEnv().SITE_URL)) }} />
      <header className="flex items-center gap-5">
        <Artwork src={person.img} title={person.name} size={96} className="w-24 rounded-full" />
        <div>
          <h1 className="font-display text-4xl font-bold leading-tight">{person.name}</h1>
          {person.roles.length ? (
            <p className="mt-1 text-muted">{person.roles.map((role) => role.charAt(0).toUpperCase() + role.slice(1)).join(" · ")}</p>
          ) : null}
          {person.href ? (
            <a href={person.href} rel="noopener noreferrer nofollow" target="_blank" className="mt-1 inline-block text-sm underline">
              Their website
            </a>
          ) : null}
        </div>
      </header>
      {person.episodes.length ? (
        <section aria-labelledby="person-episodes" className="mt-10">
          <h2 id="person-episodes" className="mb-4 font-display text-2xl font-bold">
            {person.episodes.length === 1 ? "1 episode" : `${person.episodes.length} episodes`}
          </h2>
          <div className="grid gap-4 md:grid-cols-2">
            {person.episodes.map((episode) => (
              <EpisodeCard key={episode.slug} episode={episode} />
            ))}
          </div>
        </section>
      ) : null}
      {person.stories.length ? (
        <section aria-labelledby="person-stories" className="mt-10">
          <h2 id="person-stories" className="mb-4 font-display text-2xl font-bold">
            Stories by {person.name}
          </h2>
          <div className="grid gap-6 md:grid-cols-2">
            {person.stories.map((story) => (
              <StoryCard key={story.slug} story={story} />
            ))}
          </div>
        </section>
      ) : null}
    </article>
  );
}
