# Production image: Next's standalone server, with migrations applied at start (scripts/db-migrate.ts, the same
# WebAssembly migration path as development). Build: docker compose build. Touch when the build steps change.
FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1 BUILD_STANDALONE=true
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci
COPY . .
RUN npm run build && npm prune --omit=dev

FROM node:20-bookworm-slim AS runner
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOSTNAME=0.0.0.0 PORT=3000
# The launcher (migrations, edge cache) and its dependencies, then the standalone server on top.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/package.json /app/tsconfig.json ./
COPY --from=build /app/lib ./lib
COPY --from=build /app/scripts ./scripts
COPY --from=build /app/prisma ./prisma
COPY --from=build /app/tests/fixtures ./tests/fixtures
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
# What the app writes at run time (uploaded images, WordPress exports waiting for import, backups, Next's page cache)
# must be writable by the user it runs as; .data is a volume in docker-compose.yml.
RUN mkdir -p /app/.data /app/.next/cache && chown -R node:node /app/.data /app/.next/cache
USER node
EXPOSE 3000
# Migrations, then the standalone server behind the edge cache (docs/decisions/0005), stopped cleanly on SIGTERM.
CMD ["node_modules/.bin/tsx", "scripts/serve.ts", "standalone"]
