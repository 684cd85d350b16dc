"use client";

import Link from "next/link";
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { formatClock } from "@/lib/text/format";
import { cueIndexAt, type TranscriptCue } from "@/lib/episodes/transcripts";
import { usePlayer, type PlayerEpisode } from "@/components/player/player-provider";
import { PageSection } from "@/components/ui/page-section";

export interface TranscriptProps {
  slug: string;
  episode: PlayerEpisode | undefined;
  /** How many lines the transcript has: the box keeps their room while they load. */
  lineCount: number;
}

const LINE_HEIGHT_REM = 2.25;
const BOX_MAX_REM = 24;

function Highlighted({ text, query }: { text: string; query: string }) {
  if (!query) return text;
  const parts = text.split(new RegExp(`(${query.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})`, "gi"));
  return parts.map((part, index) => (index % 2 ? <mark key={index}>{part}</mark> : part));
}

type Loaded = { state: "idle" | "loading" } | { state: "ready"; cues: TranscriptCue[] } | { state: "failed" };

/**
 * The episode's transcript. A full transcript outweighs the rest of the page, so its lines are fetched when the
 * listener scrolls near them (or starts a search); the transcript page has them all for readers and search
 * engines. While this episode plays, the spoken line is marked; a timed line plays the episode from there; the
 * search box narrows the lines to those that say something.
 */
export function Transcript({ slug, episode, lineCount }: TranscriptProps) {
  const player = usePlayer();
  const [loaded, setLoaded] = useState<Loaded>({ state: "idle" });
  const [query, setQuery] = useState("");
  const search = useDeferredValue(query.trim());
  const section = useRef<HTMLElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const cues = useMemo(() => (loaded.state === "ready" ? loaded.cues : []), [loaded]);
  const isCurrent = episode !== undefined && player.episode?.slug === episode.slug;
  const current = isCurrent ? cueIndexAt(cues, player.currentTime) : -1;

  const requested = useRef(false);
  const load = useCallback(() => {
    if (requested.current) return;
    requested.current = true;
    setLoaded({ state: "loading" });
    fetch(`/api/episodes/${slug}/transcript`)
      .then((response) => (response.ok ? (response.json() as Promise<{ cues: TranscriptCue[] }>) : Promise.reject(new Error(String(response.status)))))
      .then(({ cues: lines }) => setLoaded({ state: "ready", cues: lines }))
      .catch(() => setLoaded({ state: "failed" }));
  }, [slug]);

  useEffect(() => {
    const element = section.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => entries.some((entry) => entry.isIntersecting) && load(), { rootMargin: "600px 0px" });
    observer.observe(element);
    return () => observer.disconnect();
  }, [load]);

  const shown = useMemo(() => {
    const needle = search.toLowerCase();
    return cues.flatMap((cue, index) => (!needle || `${cue.speaker ?? ""} ${cue.text}`.toLowerCase().includes(needle) ? [index] : []));
  }, [cues, search]);

  // Keep the spoken line in view inside the transcript box, without scrolling the page itself.
  useEffect(() => {
    const box = list.current;
    const line = box?.querySelector<HTMLElement>('[aria-current="true"]');
    if (!box || !line || search) return;
    const top = line.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - line.offsetHeight) box.scrollTo({ top: top - box.clientHeight / 3 });
  }, [current, search]);

  const boxHeight = `${Math.min(BOX_MAX_REM, lineCount * LINE_HEIGHT_REM)}rem`;
  return (
    <PageSection
      ref={section}
      id="transcript"
      title="Transcript"
      aside={
        <label className="flex items-center gap-2 text-sm">
          <span>Search the transcript</span>
          <input
            type="search"
            value={query}
            onFocus={load}
            onChange={(event) => setQuery(event.target.value)}
            className="w-48 rounded-md border border-black/20 bg-white px-2 py-1"
          />
        </label>
      }
    >
      <p aria-live="polite" className="sr-only">
        {search && loaded.state === "ready" ? `${shown.length} ${shown.length === 1 ? "line matches" : "lines match"}` : ""}
      </p>
      {search && loaded.state === "ready" && shown.length === 0 ? <p className="text-muted">No line says &ldquo;{search}&rdquo;.</p> : null}
      {loaded.state === "ready" ? (
        <ol ref={list} className="max-h-96 overflow-y-auto rounded-xl bg-white p-2 shadow-sm ring-1 ring-black/5">
          {shown.map((index) => {
            const cue = cues[index]!;
            const body = (
              <>
                {cue.start !== null ? <span className="w-14 shrink-0 tabular-nums text-muted">{formatClock(cue.start)}</span> : null}
                <span>
                  {cue.speaker ? <strong>{cue.speaker}: </strong> : null}
                  <Highlighted text={cue.text} query={search} />
                </span>
              </>
            );
            return (
              <li key={index} aria-current={index === current ? "true" : undefined} className="rounded-md aria-[current=true]:bg-orange-100">
                {cue.start !== null && episode ? (
                  <button
                    type="button"
                    onClick={() => player.play(episode, { startAt: cue.start! })}
                    className="flex w-full gap-3 rounded-md px-2 py-1.5 text-left hover:bg-orange-50"
                  >
                    {body}
                  </button>
                ) : (
                  <p className="flex gap-3 px-2 py-1.5">{body}</p>
                )}
              </li>
            );
          })}
        </ol>
      ) : (
        <p style={{ height: boxHeight }} className="flex items-center justify-center rounded-xl bg-white text-muted shadow-sm ring-1 ring-black/5">
          {loaded.state === "failed" ? "The transcript could not be loaded." : "Loading the transcript…"}
        </p>
      )}
      <p className="mt-2 text-sm">
        <Link href={`/episodes/${slug}/transcript`} className="underline">
          Read the whole transcript on its own page
        </Link>
      </p>
    </PageSection>
  );
}
