// What each kind of change makes stale, as Next cache tags (invalidate.ts). A rendered page carries Next's tag for its
// address (`_N_T_` + path, the tag revalidatePath uses); data read through cached.ts carries the list tags below.

import "server-only";
/** The show's name, description and artwork, as every page's header and the newsletter box show them. */
export const SITE = "site";
/** Lists of episodes anywhere: the home page, /episodes, feeds, sitemaps, OPML. */
export const EPISODE_LISTS = "episode-lists";
/** Lists of stories anywhere: the home page, /stories, categories, tags, feeds, sitemaps. */
export const STORY_LISTS = "story-lists";
/** The analytics switches: podcast feeds' enclosures (download counting) and the home page's most listened. */
export const ANALYTICS = "analytics";

/** Next's own tag for the page at this address (docs: "How revalidation works", soft tags). */
export const pageTag = (path: string) => `_N_T_${path}`;

/** An episode's own pages: the page, its transcript (page and JSON), the embeddable player and the share image. */
export const episodePages = (slug: string) =>
  [`/episodes/${slug}`, `/episodes/${slug}/transcript`, `/api/episodes/${slug}/transcript`, `/embed/episodes/${slug}`, `/og/episodes/${slug}`].map(pageTag);

/** A story's own pages: the page and its share image. */
export const storyPages = (slug: string) => [`/stories/${slug}`, `/og/stories/${slug}`].map(pageTag);

/** The page a comment thread is shown on (its first page is rendered with it). */
export const threadPage = (target: { kind: "episode" | "story"; slug: string }) =>
  pageTag(`/${target.kind === "episode" ? "episodes" : "stories"}/${target.slug}`);

/** Every episode's and story's pages at once: for a sync that touched more than naming each page would be worth. */
export const ALL_EPISODE_PAGES = [
  "/(site)/episodes/[slug]/layout",
  "/embed/episodes/[slug]/page",
  "/og/episodes/[slug]/route",
  "/api/episodes/[slug]/transcript/route",
].map(pageTag);
export const ALL_STORY_PAGES = ["/(site)/stories/[slug]/page", "/og/stories/[slug]/route"].map(pageTag);
