// Pages Next renders per request, because they read the address's query, and which are nonetheless the same for every
// reader: shared caches (a CDN, the edge cache in front of Next) may keep them a short while. Next overwrites any
// Cache-Control a page is given, so the permission travels as CDN-Cache-Control (RFC 9213), meant for exactly those
// caches; browsers keep Next's no-store. When an episode drops its audience searches the same few names, and each
// such search is then rendered once every half minute instead of once a reader.
// Relative imports only: next.config.ts loads this file, and Next's config loader does not resolve path aliases.

const SHARED_SEARCH_SECONDS = 30;

export function sharedCacheHeaders() {
  return [{ source: "/search", headers: [{ key: "CDN-Cache-Control", value: `max-age=${SHARED_SEARCH_SECONDS}, stale-while-revalidate=${SHARED_SEARCH_SECONDS}` }] }];
}
