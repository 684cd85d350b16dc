// What a load balancer or orchestrator asks: is the process up (liveness, never touches the database), and can it
// serve (readiness: the database answers, and every migration this build ships has been applied).
import "server-only";
import { readdir } from "node:fs/promises";
import { prisma } from "@/lib/db";
import { MIGRATIONS_DIR } from "@/lib/database/migrations";

const DATABASE_TIMEOUT_MS = 2000;

export interface Readiness {
  ready: boolean;
  database: "ok" | "unreachable";
  /** Migrations in this build that the database has not applied. */
  pendingMigrations: string[];
  error?: string;
}

let shipped: Promise<string[]> | undefined;

function shippedMigrations(): Promise<string[]> {
  shipped ??= readdir(MIGRATIONS_DIR, { withFileTypes: true }).then((entries) => entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name));
  return shipped;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);
}

export async function readiness(): Promise<Readiness> {
  try {
    const applied = await withTimeout(
      prisma.$queryRaw<{ migration_name: string }[]>`
        SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL`,
      DATABASE_TIMEOUT_MS,
    );
    const done = new Set(applied.map((row) => row.migration_name));
    const pendingMigrations = (await shippedMigrations()).filter((name) => !done.has(name));
    return { ready: pendingMigrations.length === 0, database: "ok", pendingMigrations };
  } catch (error) {
    return { ready: false, database: "unreachable", pendingMigrations: [], error: error instanceof Error ? error.message.split("\n")[0] : String(error) };
  }
}
