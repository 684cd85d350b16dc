"use client";

import { useId, useRef, useState } from "react";
import type { VideoEmbed } from "@/lib/platforms/video-embeds";
import { usePlayer } from "@/components/player/player-provider";

export interface ListenWatchProps {
  /** The Listen panel: the play button and download link. */
  children: React.ReactNode;
  video: VideoEmbed | undefined;
  title: string;
}

const TABS = ["listen", "watch"] as const;
type Tab = (typeof TABS)[number];

/**
 * Listen and Watch tabs. The video player is another site's frame: it is not loaded, and that site gets no request
 * and sets no cookie, until the listener asks for it with the button in the Watch tab.
 */
export function ListenWatch({ children, video, title }: ListenWatchProps) {
  const player = usePlayer();
  const [tab, setTab] = useState<Tab>("listen");
  const [videoLoaded, setVideoLoaded] = useState(false);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const id = useId();
  if (!video) return <div className="flex flex-wrap items-center gap-4">{children}</div>;

  const select = (next: Tab) => {
    setTab(next);
    tabs.current[TABS.indexOf(next)]?.focus();
  };
  return (
    <div>
      <div
        role="tablist"
        aria-label="Listen or watch"
        className="mb-4 inline-flex rounded-full bg-gray-100 p-1"
        onKeyDown={(event) => {
          if (event.key === "ArrowRight" || event.key === "ArrowLeft") select(tab === "listen" ? "watch" : "listen");
        }}
      >
        {TABS.map((name, index) => (
          <button
            key={name}
            ref={(element) => {
              tabs.current[index] = element;
            }}
            type="button"
            role="tab"
            id={`${id}-${name}-tab`}
            aria-selected={tab === name}
            aria-controls={`${id}-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => setTab(name)}
            className="rounded-full px-4 py-1.5 text-sm font-semibold aria-selected:bg-white aria-selected:shadow-sm"
          >
            {name === "listen" ? "Listen" : "Watch"}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${id}-listen`} aria-labelledby={`${id}-listen-tab`} hidden={tab !== "listen"} className="flex flex-wrap items-center gap-4">
        {children}
      </div>
      <div role="tabpanel" id={`${id}-watch`} aria-labelledby={`${id}-watch-tab`} hidden={tab !== "watch"}>
        <div className="aspect-video w-full overflow-hidden rounded-lg bg-ink">
          {video.embedUrl === null ? (
            <div className="flex h-full flex-col items-center justify-center gap-3 p-6 text-center text-white">
              <p className="max-w-md text-sm">This is the demo show, which has no real video: a show&apos;s own {video.label} video plays here.</p>
              <a
                href={video.watchUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="text-sm underline"
                data-track="platform"
                data-track-label={video.label}
              >
                Open {video.label}
              </a>
            </div>
          ) : videoLoaded ? (
            <iframe
              src={video.embedUrl}
              title={`${title} (video on ${video.label})`}
              allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
              allowFullScreen
              referrerPolicy="strict-origin-when-cross-origin"
              className="h-full w-full"
            />
          ) : (
            <div className="flex h-full flex-col items-center justify-center gap-3 p-6 text-center text-white">
              <p className="max-w-md text-sm">
                Playing the video loads {video.label}&apos;s player, and {video.label} may set cookies.
              </p>
              <button
                type="button"
                onClick={() => {
                  if (player.playing) player.toggle();
                  setVideoLoaded(true);
                }}
                className="rounded-full bg-accent px-5 py-2.5 font-semibold text-white hover:bg-accent-dark"
              >
                Play the video from {video.label}
              </button>
              <a
                href={video.watchUrl}
                target="_blank"
                rel="noopener noreferrer"
                className="text-sm underline"
                data-track="platform"
                data-track-label={video.label}
              >
                Or watch on {video.label}
              </a>
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
