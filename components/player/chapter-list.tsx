"use client";

import type { Chapter } from "@/lib/episodes/chapters";
import { chapterAt } from "@/lib/episodes/chapters";
import { formatClock } from "@/lib/text/format";
import { PageSection } from "@/components/ui/page-section";
import { usePlayer, type PlayerEpisode } from "./player-provider";

export interface ChapterListProps {
  episode: PlayerEpisode;
  chapters: Chapter[];
}

/** The episode's chapters: each one plays the episode from there; the one playing now is marked. */
export function ChapterList({ episode, chapters }: ChapterListProps) {
  const player = usePlayer();
  const isCurrent = player.episode?.slug === episode.slug;
  const current = isCurrent ? chapterAt(chapters, player.currentTime) : undefined;
  return (
    <PageSection id="chapters" title="Chapters">
      <ol className="divide-y divide-black/5 rounded-xl bg-white shadow-sm ring-1 ring-black/5">
        {chapters.map((chapter) => (
          <li key={chapter.startTime} className="flex items-center">
            <button
              type="button"
              aria-current={chapter === current ? "true" : undefined}
              onClick={() => player.play(episode, { startAt: chapter.startTime })}
              className="flex flex-1 gap-4 px-4 py-2.5 text-left hover:bg-orange-50 aria-[current=true]:bg-orange-100 aria-[current=true]:font-semibold"
            >
              <span className="w-16 shrink-0 tabular-nums text-muted">{formatClock(chapter.startTime)}</span>
              <span>{chapter.title}</span>
            </button>
            {chapter.url ? (
              <a href={chapter.url} target="_blank" rel="noopener noreferrer nofollow" className="px-4 py-2.5 text-sm underline">
                Link<span className="sr-only"> for {chapter.title}</span>
              </a>
            ) : null}
          </li>
        ))}
      </ol>
    </PageSection>
  );
}
