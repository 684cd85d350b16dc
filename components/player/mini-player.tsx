"use client";

import Link from "next/link";
import { chapterAt } from "@/lib/episodes/chapters";
import { useSecondsNow } from "@/components/ui/browser-values";
import { formatClock } from "@/lib/text/format";
import { PLAYBACK_RATES, SKIP_BACK_SECONDS, SKIP_FORWARD_SECONDS, SLEEP_TIMER_MINUTES } from "./player-logic";
import { usePlayer } from "./player-provider";

const button = "rounded-full px-3 py-2 text-sm font-semibold hover:bg-white/10 focus-visible:outline focus-visible:outline-2 focus-visible:outline-orange-300";

/** The bar at the bottom of every page once something plays. */
export function MiniPlayer() {
  const player = usePlayer();
  const now = useSecondsNow(player.sleepAt !== undefined);
  const { episode } = player;
  if (!episode) return null;
  const duration = Number.isFinite(player.duration) && player.duration > 0 ? player.duration : (episode.durationSeconds ?? 0);
  return (
    <>
      {/* Room at the end of the page, so the fixed bar never hides the footer. */}
      <div aria-hidden="true" className="h-28 sm:h-20" />
      <section aria-label="Player" className="fixed inset-x-0 bottom-0 z-40 border-t border-white/10 bg-ink text-white shadow-2xl">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2 sm:flex-nowrap">
          <div className="flex min-w-0 flex-1 items-center gap-3">
            {episode.artworkUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- artwork lives on the podcast host
              <img src={episode.artworkUrl} alt="" width={44} height={44} className="h-11 w-11 rounded object-cover" />
            ) : null}
            <div className="min-w-0">
              <Link href={episode.href ?? `/episodes/${episode.slug}`} className="block truncate text-sm font-semibold hover:underline">
                {episode.title}
              </Link>
              <p className="truncate text-xs text-gray-400">{chapterAt(episode.chapters ?? [], player.currentTime)?.title ?? episode.showTitle}</p>
            </div>
          </div>
          <div className="flex items-center gap-1">
            <button type="button" className={button} onClick={() => player.skip(-SKIP_BACK_SECONDS)} aria-label={`Back ${SKIP_BACK_SECONDS} seconds`}>
              −{SKIP_BACK_SECONDS}
            </button>
            <button
              type="button"
              className={`${button} bg-accent hover:bg-accent-dark`}
              onClick={player.toggle}
              aria-label={player.playing ? "Pause" : player.restored ? `Resume from ${formatClock(player.currentTime)}` : "Play"}
            >
              {player.playing ? "❚❚" : "▶"}
            </button>
            <button type="button" className={button} onClick={() => player.skip(SKIP_FORWARD_SECONDS)} aria-label={`Forward ${SKIP_FORWARD_SECONDS} seconds`}>
              +{SKIP_FORWARD_SECONDS}
            </button>
          </div>
          <div className="flex w-full items-center gap-2 sm:w-80">
            <span className="w-14 text-right text-xs tabular-nums">{formatClock(player.currentTime)}</span>
            <div className="relative flex flex-1 items-center">
              <input
                type="range"
                aria-label="Seek"
                aria-valuetext={`${formatClock(player.currentTime)} of ${formatClock(duration)}`}
                min={0}
                max={Math.max(duration, 1)}
                step={1}
                value={Math.min(player.currentTime, Math.max(duration, 1))}
                onChange={(event) => player.seek(Number(event.currentTarget.value))}
                className="w-full accent-orange-500"
                style={{ backgroundSize: `${duration ? (player.buffered / duration) * 100 : 0}% 100%` }}
              />
              {duration
                ? (episode.chapters ?? []).map((chapter) => (
                    <span
                      key={chapter.startTime}
                      aria-hidden="true"
                      data-testid="chapter-mark"
                      className="pointer-events-none absolute top-0 h-1.5 w-0.5 bg-white/70"
                      style={{ left: `${Math.min(100, (chapter.startTime / duration) * 100)}%` }}
                    />
                  ))
                : null}
              {duration && player.commentMoments?.slug === episode.slug
                ? player.commentMoments.seconds.map((second) => (
                    <span
                      key={`comment-${second}`}
                      aria-hidden="true"
                      data-testid="comment-mark"
                      className="pointer-events-none absolute -top-1 h-1.5 w-1.5 -translate-x-1/2 rounded-full bg-sky-300"
                      style={{ left: `${Math.min(100, (second / duration) * 100)}%` }}
                    />
                  ))
                : null}
            </div>
            <span className="w-14 text-xs tabular-nums">{formatClock(duration)}</span>
          </div>
          <div className="hidden items-center gap-1 sm:flex">
            <button type="button" className={button} onClick={player.toggleMute} aria-label={player.muted ? "Unmute" : "Mute"}>
              {/* Drawn, not an emoji: a machine without an emoji font shows an empty box for those. */}
              <svg
                viewBox="0 0 24 24"
                width="18"
                height="18"
                aria-hidden="true"
                fill="none"
                stroke="currentColor"
                strokeWidth="2"
                strokeLinecap="round"
                strokeLinejoin="round"
              >
                <path d="M11 5 6 9H2v6h4l5 4V5z" fill="currentColor" />
                {player.muted ? <path d="m22 9-6 6M16 9l6 6" /> : <path d="M15.5 8.5a5 5 0 0 1 0 7M19 5a10 10 0 0 1 0 14" />}
              </svg>
            </button>
            <input
              type="range"
              aria-label="Volume"
              min={0}
              max={1}
              step={0.05}
              value={player.muted ? 0 : player.volume}
              onChange={(event) => player.setVolume(Number(event.currentTarget.value))}
              className="w-20 accent-orange-500"
            />
          </div>
          <label className="flex items-center gap-1 text-xs">
            <span className="sr-only">Sleep timer</span>
            <select value="" onChange={(event) => player.setSleepTimer(Number(event.currentTarget.value))} className="rounded bg-white/10 px-1 py-1 text-white">
              <option value="" disabled className="text-ink">
                {player.sleepAt ? `Sleep ${formatClock(Math.max(0, player.sleepAt / 1000 - now))}` : "Sleep timer"}
              </option>
              {player.sleepAt ? (
                <option value={0} className="text-ink">
                  Off
                </option>
              ) : null}
              {SLEEP_TIMER_MINUTES.map((minutes) => (
                <option key={minutes} value={minutes} className="text-ink">
                  {minutes} min
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-1 text-xs">
            <span className="sr-only">Playback speed</span>
            <select
              value={player.rate}
              onChange={(event) => player.setRate(Number(event.currentTarget.value))}
              className="rounded bg-white/10 px-1 py-1 text-white"
            >
              {PLAYBACK_RATES.map((rate) => (
                <option key={rate} value={rate} className="text-ink">
                  {rate}×
                </option>
              ))}
            </select>
          </label>
        </div>
        {player.error ? (
          <p role="alert" className="mx-auto max-w-6xl px-4 pb-2 text-sm text-orange-200">
            {player.error}{" "}
            <a href={episode.audioUrl} className="underline" download>
              Download the episode
            </a>
          </p>
        ) : null}
        <p aria-live="polite" className="sr-only">
          {player.announcement}
        </p>
      </section>
    </>
  );
}
