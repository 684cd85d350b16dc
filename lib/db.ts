// The one Prisma client. Only lib/ and tests import it; pages get plain objects from lib/ functions.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { getEnv } from "@/lib/env";
import { postgresSafe } from "@/lib/text/safe-text";

let databaseUrlOverride: string | undefined;

/**
 * For CLIs that prepare the database themselves (the embedded one has no URL until it runs): call before the first
 * query. Everything else uses DATABASE_URL.
 */
export function setDatabaseUrl(url: string): void {
  databaseUrlOverride = url;
}

/**
 * Sessions run in UTC whatever the server's time zone (a cluster takes its machine's): Prisma stores DateTime as
 * timestamp in UTC, and raw SQL comparing such a column with now() reads it in the session's zone, so a site outside
 * UTC would shift every lease, back-off and time window by its offset. The URL's own startup options are kept.
 */
export function utcSessionOptions(url: string): string {
  const given = new URL(url).searchParams.get("options");
  return [given, "-c TimeZone=UTC"].filter(Boolean).join(" ");
}

/** The database this process uses (setDatabaseUrl's, else DATABASE_URL). */
export function databaseUrl(): string {
  const url = databaseUrlOverride ?? getEnv().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set. Start Showfront with `npm run dev` or `npm start`, which provide one.");
  return url;
}

// The connection is made on the first query, not on import: `next build` imports every page without a database.
const adapter: SqlDriverAdapterFactory = {
  provider: "postgres",
  adapterName: "@prisma/adapter-pg",
  async connect() {
    const url = databaseUrl();
    return new PrismaPg({ connectionString: url, options: utcSessionOptions(url) }).connect();
  },
};

function createClient() {
  const client = new PrismaClient({ adapter, log: [{ level: "query", emit: "event" }, "warn", "error"] });
  client.$on("query", (event) => {
    if (event.duration >= getEnv().LOG_SLOW_QUERIES_MS) {
      // A log line for whoever watches the server, never an error: a busy machine makes any query slow now and then.
      logger.warn({ ms: Math.round(event.duration), query: event.query.slice(0, 500) }, "slow query");
    }
  });
  // Every model query's arguments as Postgres takes them (no NUL, no lone surrogate): a feed, an upload or a form
  // can then never fail a write, or a lookup, on its characters. A query extension changes no method or type, so
  // the client keeps its own type (an extended client's would not fit Prisma.TransactionClient).
  const safeClient = client.$extends({
    query: {
      $allModels: {
        $allOperations({ args, query }) {
          return query(postgresSafe(args));
        },
      },
    },
  });
  return safeClient as unknown as typeof client;
}

type Client = ReturnType<typeof createClient>;

// Development reloads modules on every edit; keeping the client on globalThis keeps one pool, not one per reload.
// (Kept there in production too: harmless, and importing this module must not read the environment, so that a
// wrong variable is reported by whoever validates it first, in one line.)
const globalForPrisma = globalThis as unknown as { showfrontPrisma?: Client };

export const prisma: Client = (globalForPrisma.showfrontPrisma ??= createClient());

export { Prisma } from "@/lib/generated/prisma/client";
