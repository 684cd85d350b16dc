// The one Prisma client. Only lib/ and tests import it; pages get plain objects from lib/ functions.
import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/log";
import { getEnv } from "@/lib/env";
import { postgresSafe } from "@/lib/text/safe-text";

let databaseUrlOverride: string | undefined;

/** For CLIs that prepare the database themselves (the embedded one has no URL until it runs): call before the first query. */
export function setDatabaseUrl(url: string): void {
  databaseUrlOverride = url;
}

// Sessions run in UTC whatever the server's zone: Prisma stores UTC wall time, and raw SQL comparing it with now()
// reads it in the session's zone, so every lease and time window would shift by the offset.
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
  // Every query's arguments as Postgres takes them (no NUL, no lone surrogate), so no input can fail a write on its
  // characters. A query extension keeps the client's own type (an extended one would not fit TransactionClient).
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

// One client (one pool) across development's module reloads; importing this module must not read the environment.
const globalForPrisma = globalThis as unknown as { showfrontPrisma?: Client };

export const prisma: Client = (globalForPrisma.showfrontPrisma ??= createClient());

export { Prisma } from "@/lib/generated/prisma/client";
