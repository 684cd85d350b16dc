// Pages rendered per request but the same for everyone may be kept a moment by shared caches: as CDN-Cache-Control
// (RFC 9213), since Next overwrites Cache-Control. Relative imports only: next.config.ts loads this file.
import "server-only";

const SHARED_FOR = "max-age=1, stale-while-revalidate=10";
const SHARED_PAGES = ["/", "/episodes", "/stories", "/stories/category/:slug", "/stories/tag/:slug", "/search"];

export function sharedCacheHeaders() {
  return SHARED_PAGES.map((source) => ({ source, headers: [{ key: "CDN-Cache-Control", value: SHARED_FOR }] }));
}
