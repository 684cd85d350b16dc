import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { getEpisodeTranscript } from "@/lib/episodes/episodes";
import { formatClock } from "@/lib/text/format";
import { findBySlug } from "@/lib/validations/params";

// The whole transcript as a page of its own: for readers, and for search engines, which the episode page's
// load-on-scroll transcript box would not show it to. Cached like the episode page.
export const revalidate = 60;

export async function generateStaticParams() {
  return [];
}

const findTranscript = cache(getEpisodeTranscript);

async function loadTranscript(params: PageProps<"/episodes/[slug]/transcript">["params"]) {
  const transcript = await findBySlug(params, findTranscript);
  if (!transcript) notFound();
  return transcript;
}

export async function generateMetadata({ params }: PageProps<"/episodes/[slug]/transcript">): Promise<Metadata> {
  const transcript = await loadTranscript(params);
  return {
    title: `Transcript: ${transcript.title} · ${transcript.showTitle}`,
    description: transcript.cues
      .slice(0, 3)
      .map((cue) => cue.text)
      .join(" ")
      .slice(0, 200),
    alternates: { canonical: `/episodes/${transcript.slug}/transcript` },
  };
}

export default async function TranscriptPage({ params }: PageProps<"/episodes/[slug]/transcript">) {
  const transcript = await loadTranscript(params);
  return (
    <article className="mx-auto max-w-3xl">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent-dark">Transcript</p>
      <h1 className="mt-1 font-display text-3xl font-bold leading-tight">{transcript.title}</h1>
      <p className="mt-2">
        <Link href={`/episodes/${transcript.slug}`} className="underline">
          Back to the episode
        </Link>
      </p>
      <ol className="mt-8 space-y-3">
        {transcript.cues.map((cue, index) => (
          <li key={index} className="flex gap-4">
            {cue.start !== null ? (
              <Link href={`/episodes/${transcript.slug}?t=${Math.floor(cue.start)}`} className="w-14 shrink-0 tabular-nums text-accent-dark underline">
                {formatClock(cue.start)}
              </Link>
            ) : null}
            <p>
              {cue.speaker ? <strong>{cue.speaker}: </strong> : null}
              {cue.text}
            </p>
          </li>
        ))}
      </ol>
    </article>
  );
}
