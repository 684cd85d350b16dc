"use client";

import { useState, useSyncExternalStore } from "react";
import { noSubscription } from "@/components/ui/browser-values";
import { formatClock } from "@/lib/text/format";
import { usePlayer } from "@/components/player/player-provider";
import { PageSection } from "@/components/ui/page-section";
import { shareLinks, withStartTime } from "@/lib/episodes/share";

export interface SharePanelProps {
  /** The page's canonical, absolute address. */
  url: string;
  title: string;
  /** For episodes: offers "share from this moment" while this episode is in the player. */
  episodeSlug?: string;
}

/** "Spread the news": copy the link, the phone's own share sheet, the usual networks and e-mail. */
export function SharePanel({ url, title, episodeSlug }: SharePanelProps) {
  const player = usePlayer();
  const [fromMoment, setFromMoment] = useState(false);
  const [status, setStatus] = useState("");
  // The phone's share sheet exists only in some browsers, and never on the server.
  const canShareNatively = useSyncExternalStore(
    noSubscription,
    () => typeof navigator.share === "function",
    () => false,
  );

  const moment = episodeSlug && player.episode?.slug === episodeSlug && player.currentTime >= 1 ? Math.floor(player.currentTime) : undefined;
  const shared = fromMoment && moment !== undefined ? withStartTime(url, moment) : url;
  const links = shareLinks(shared, title);
  const pill = "inline-flex items-center rounded-full bg-white px-4 py-2 text-sm font-semibold shadow-sm ring-1 ring-black/10 hover:ring-accent";

  return (
    <PageSection id="share" title="Spread the news">
      {moment !== undefined ? (
        <label className="mb-3 flex items-center gap-2 text-sm">
          <input type="checkbox" checked={fromMoment} onChange={(event) => setFromMoment(event.target.checked)} />
          Share from this moment ({formatClock(moment)})
        </label>
      ) : null}
      <ul className="flex flex-wrap gap-2">
        <li>
          <button
            type="button"
            className={pill}
            data-track="share"
            data-track-label="Copy link"
            onClick={() =>
              navigator.clipboard.writeText(shared).then(
                () => setStatus("Link copied."),
                () => setStatus(`Copy this link: ${shared}`),
              )
            }
          >
            Copy link
          </button>
        </li>
        {canShareNatively ? (
          <li>
            <button
              type="button"
              className={pill}
              data-track="share"
              data-track-label="Share sheet"
              onClick={() => navigator.share({ title, url: shared }).catch(() => undefined)}
            >
              Share…
            </button>
          </li>
        ) : null}
        {links.map((link) => (
          <li key={link.label}>
            <a href={link.href} target="_blank" rel="noopener noreferrer" className={pill} data-track="share" data-track-label={link.label}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
      <p role="status" className="mt-2 min-h-5 text-sm text-muted">
        {status}
      </p>
    </PageSection>
  );
}
