// Episode links from platforms without a feed: Apple's lookup API (episodes carry the RSS GUID) and Spotify's Web API
// (matched by title, date and length), fetched with the feeds' careful client and validated.
import "server-only";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import type { ParsedEpisode } from "@/lib/validations/feed";
import { fetchFeed, FeedFetchError, type FetchFeedOptions } from "@/lib/feeds/fetch";
import type { ParsedFeed } from "@/lib/feeds/parse";

export const APPLE_LOOKUP_BASE = "https://itunes.apple.com/lookup";
export const SPOTIFY_API_BASE = "https://api.spotify.com/v1";
export const SPOTIFY_TOKEN_URL = "https://accounts.spotify.com/api/token";

export class PlatformApiError extends Error {
  override name = "PlatformApiError";
}

/** The lookup URL for a show's Apple Podcasts page (…/podcast/name/id1234567890). */
export function appleLookupUrl(applePodcastUrl: string, base = APPLE_LOOKUP_BASE): string {
  const id = /\/id(\d{5,12})(?:[/?#]|$)/.exec(applePodcastUrl)?.[1] ?? /^\d{5,12}$/.exec(applePodcastUrl)?.[0];
  if (!id) throw new PlatformApiError(`${applePodcastUrl} is not an Apple Podcasts show address (…/id1234567890).`);
  return `${base}?id=${id}&entity=podcastEpisode&limit=200`;
}

/** The episodes URL for a show's Spotify address (open.spotify.com/show/<id>). */
export function spotifyEpisodesUrl(spotifyShowUrl: string, base = SPOTIFY_API_BASE): string {
  const id = /show\/([A-Za-z0-9]{22})/.exec(spotifyShowUrl)?.[1] ?? /^[A-Za-z0-9]{22}$/.exec(spotifyShowUrl)?.[0];
  if (!id) throw new PlatformApiError(`${spotifyShowUrl} is not a Spotify show address (open.spotify.com/show/…).`);
  return `${base}/shows/${id}/episodes?limit=50&market=US`;
}

function platformEpisode(fields: { guid: string; title: string; link: string; publishedAt?: Date; durationSeconds?: number }): ParsedEpisode {
  return {
    ...fields,
    summary: "",
    notesHtml: "",
    episodeType: "FULL",
    explicit: false,
    transcripts: [],
    persons: [],
    soundbites: [],
  };
}

const appleLookupSchema = z.object({
  results: z.array(
    z.looseObject({
      wrapperType: z.string().optional(),
      kind: z.string().optional(),
      collectionName: z.string().optional(),
      trackName: z.string().optional(),
      episodeGuid: z.string().optional(),
      trackViewUrl: z.string().optional(),
      releaseDate: z.string().optional(),
      trackTimeMillis: z.number().optional(),
    }),
  ),
});

export function parseAppleLookup(json: unknown): ParsedFeed {
  const parsed = appleLookupSchema.safeParse(json);
  if (!parsed.success) throw new PlatformApiError("Apple's lookup answer has an unexpected shape.");
  const show = parsed.data.results.find((result) => result.kind === "podcast" || result.wrapperType === "track");
  const episodes = parsed.data.results
    .filter((result) => result.episodeGuid && result.trackName && result.trackViewUrl?.startsWith("https://"))
    .map((result) =>
      platformEpisode({
        guid: result.episodeGuid!,
        title: result.trackName!,
        link: result.trackViewUrl!,
        publishedAt: result.releaseDate ? new Date(result.releaseDate) : undefined,
        durationSeconds: result.trackTimeMillis ? Math.round(result.trackTimeMillis / 1000) : undefined,
      }),
    );
  return {
    show: { title: show?.collectionName ?? "Apple Podcasts", description: "", author: "", locked: false, explicit: false, categories: [] },
    episodes,
    skipped: [],
  };
}

const spotifyEpisodesSchema = z.object({
  items: z.array(
    z
      .looseObject({
        id: z.string(),
        name: z.string(),
        release_date: z.string().optional(),
        duration_ms: z.number().optional(),
        external_urls: z.looseObject({ spotify: z.string().optional() }).optional(),
      })
      .nullable(),
  ),
});

export function parseSpotifyEpisodes(json: unknown): ParsedFeed {
  const parsed = spotifyEpisodesSchema.safeParse(json);
  if (!parsed.success) throw new PlatformApiError("Spotify's episodes answer has an unexpected shape.");
  const episodes = parsed.data.items.flatMap((item) =>
    item && item.external_urls?.spotify?.startsWith("https://")
      ? [
          platformEpisode({
            guid: `spotify:episode:${item.id}`,
            title: item.name,
            link: item.external_urls.spotify,
            publishedAt: item.release_date ? new Date(`${item.release_date.slice(0, 10)}T12:00:00Z`) : undefined,
            durationSeconds: item.duration_ms ? Math.round(item.duration_ms / 1000) : undefined,
          }),
        ]
      : [],
  );
  return { show: { title: "Spotify", description: "", author: "", locked: false, explicit: false, categories: [] }, episodes, skipped: [] };
}

/** Other addresses and credentials for Apple's and Spotify's APIs: for what stands in for them (tests, the demo). */
export interface PlatformApiOptions {
  appleLookupBase?: string;
  spotifyApiBase?: string;
  tokenUrl?: string;
  spotifyClient?: { id: string; secret: string };
}

// One token per token service and client, so a stand-in's token is never sent to Spotify.
const spotifyTokens = new Map<string, { value: string; expiresAt: number }>();

/** A client-credentials token for Spotify's Web API, reused until shortly before it expires. */
export async function spotifyAccessToken(tokenUrl = SPOTIFY_TOKEN_URL, client?: PlatformApiOptions["spotifyClient"]): Promise<string> {
  const env = getEnv();
  const { id, secret } = client ?? { id: env.SPOTIFY_CLIENT_ID, secret: env.SPOTIFY_CLIENT_SECRET };
  if (!id || !secret) throw new PlatformApiError("Spotify links need SPOTIFY_CLIENT_ID and SPOTIFY_CLIENT_SECRET.");
  const key = `${tokenUrl} ${id}`;
  const kept = spotifyTokens.get(key);
  if (kept && kept.expiresAt > Date.now() + 60_000) return kept.value;
  const response = await fetch(tokenUrl, {
    method: "POST",
    headers: { authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`, "content-type": "application/x-www-form-urlencoded" },
    body: "grant_type=client_credentials",
    signal: AbortSignal.timeout(15_000),
  }).catch((error: Error) => {
    throw new PlatformApiError(`Spotify's token service did not answer: ${error.message}`);
  });
  const body = z.object({ access_token: z.string(), expires_in: z.number() }).safeParse(await response.json().catch(() => null));
  if (!response.ok || !body.success) throw new PlatformApiError(`Spotify refused the client credentials (HTTP ${response.status}).`);
  spotifyTokens.set(key, { value: body.data.access_token, expiresAt: Date.now() + body.data.expires_in * 1000 });
  return body.data.access_token;
}

/** Fetches one platform API answer (Apple or Spotify) as a parsed "feed" of that platform's episodes. */
export async function fetchPlatformEpisodes(kind: "APPLE" | "SPOTIFY", url: string, options: PlatformApiOptions = {}, fetchOptions: FetchFeedOptions = {}) {
  const headers = kind === "SPOTIFY" ? { authorization: `Bearer ${await spotifyAccessToken(options.tokenUrl, options.spotifyClient)}` } : undefined;
  const name = kind === "APPLE" ? "Apple Podcasts' lookup" : "Spotify's Web API";
  const fetched = await fetchFeed(url, { ...fetchOptions, headers, maxBytes: 8 * 1024 * 1024 }).catch((error: unknown) => {
    // Not "could not fetch the feed": the producer gave a show page, and it is the platform's service that is out of reach.
    if (error instanceof FeedFetchError && (error.code === "network" || error.code === "timeout")) {
      throw new PlatformApiError(`${name} could not be reached (${error.reason ?? error.message}): is this server online?`);
    }
    throw error;
  });
  if (fetched.status !== "fetched") throw new FeedFetchError("http-status", "unexpected 304 from a platform API", 304);
  let json: unknown;
  try {
    json = JSON.parse(fetched.body.toString("utf8"));
  } catch {
    throw new PlatformApiError(`${kind === "APPLE" ? "Apple" : "Spotify"} answered something that is not JSON.`);
  }
  return { fetched, feed: kind === "APPLE" ? parseAppleLookup(json) : parseSpotifyEpisodes(json) };
}
