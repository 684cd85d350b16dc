// The one Prisma client. Only lib/ and tests import it; pages get plain objects from lib/ functions.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";

function createClient() {
  const env = getEnv();
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start Showfront with `npm run dev` or `npm start`, which provide one.");
  }
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL }),
    log: [{ level: "query", emit: "event" }, "warn", "error"],
  });
  client.$on("query", (event) => {
    if (event.duration >= env.LOG_SLOW_QUERIES_MS) {
      console.warn(`Slow query (${event.duration} ms): ${event.query.slice(0, 500)}`);
    }
  });
  return client;
}

type Client = ReturnType<typeof createClient>;

// Development reloads modules on every edit; keeping the client on globalThis keeps one pool, not one per reload.
const globalForPrisma = globalThis as unknown as { showfrontPrisma?: Client };

export const prisma: Client = globalForPrisma.showfrontPrisma ?? createClient();
if (getEnv().NODE_ENV !== "production") globalForPrisma.showfrontPrisma = prisma;

export { Prisma } from "@/lib/generated/prisma/client";
