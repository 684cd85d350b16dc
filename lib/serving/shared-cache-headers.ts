// Pages Next renders per request (they read the address's query: lists with ?page=, search) from cached data
// (lib/cache), and which are the same for every reader: shared caches (the fronts, a CDN) may keep them a moment. Next
// overwrites any Cache-Control a page is given, so the permission travels as CDN-Cache-Control (RFC 9213), meant
// for exactly those caches; browsers keep Next's no-store. A moment is enough: when an episode drops, each such page
// is then rendered about once a second per front, however many listeners arrive.
// Relative imports only: next.config.ts loads this file, and Next's config loader does not resolve path aliases.

const SHARED_FOR = "max-age=1, stale-while-revalidate=10";
const SHARED_PAGES = ["/", "/episodes", "/stories", "/stories/category/:slug", "/stories/tag/:slug", "/search"];

import "server-only";
export function sharedCacheHeaders() {
  return SHARED_PAGES.map((source) => ({ source, headers: [{ key: "CDN-Cache-Control", value: SHARED_FOR }] }));
}
