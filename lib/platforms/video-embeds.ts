// Which of an episode's video links can be embedded on its page, and the address of the player to embed. Only an
// episode's own link qualifies: a channel page cannot be played in a frame.

import "server-only";
export interface VideoEmbed {
  platform: "youtube" | "rumble";
  label: string;
  /** Null for the demo show: its videos do not exist, so there is no player to load. */
  embedUrl: string | null;
  watchUrl: string;
}

const YOUTUBE_ID = /^[\w-]{11}$/;

export function youtubeVideoId(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const host = url.hostname.replace(/^(www|m|music)\./, "");
  let id: string | null | undefined;
  if (host === "youtu.be") id = url.pathname.split("/")[1];
  else if (host === "youtube.com" || host === "youtube-nocookie.com") {
    id = url.pathname === "/watch" ? url.searchParams.get("v") : /^\/(?:embed|shorts|live|v)\/([^/?#]+)/.exec(url.pathname)?.[1];
  }
  return id && YOUTUBE_ID.test(id) ? id : undefined;
}

function rumbleEmbedId(raw: string): string | undefined {
  try {
    const url = new URL(raw);
    if (url.hostname.replace(/^www\./, "") !== "rumble.com") return undefined;
    return /^\/embed\/(v[a-z0-9]+)\/?$/i.exec(url.pathname)?.[1];
  } catch {
    return undefined;
  }
}

/** The first embeddable video among an episode's own links (YouTube first), if any. */
export function videoEmbedFor(links: { platform: string; url: string; episodeLevel: boolean; demo?: true }[]): VideoEmbed | undefined {
  for (const link of links) {
    if (!link.episodeLevel) continue;
    if (link.demo && (link.platform === "youtube" || link.platform === "rumble"))
      return { platform: link.platform, label: link.platform === "youtube" ? "YouTube" : "Rumble", embedUrl: null, watchUrl: link.url };
    if (link.platform === "youtube") {
      const id = youtubeVideoId(link.url);
      // youtube-nocookie: YouTube sets no tracking cookies until the viewer plays the video.
      if (id) return { platform: "youtube", label: "YouTube", embedUrl: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1&rel=0`, watchUrl: link.url };
    }
    if (link.platform === "rumble") {
      const id = rumbleEmbedId(link.url);
      if (id) return { platform: "rumble", label: "Rumble", embedUrl: `https://rumble.com/embed/${id}/?autoplay=2`, watchUrl: link.url };
    }
  }
  return undefined;
}
