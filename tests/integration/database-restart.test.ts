// The database restarts (an upgrade, a failover, a crash): queries in between fail with an error the caller can
// report, nothing crashes the process, and the site's queries work again as soon as the server is back, on the
// same client and pool, with nothing lost that was committed.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it, jest } from "@jest/globals";
import { createDatabaseIfMissing, databaseUrlFor } from "@/lib/database/admin";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrations";
import { prisma, setDatabaseUrl } from "@/lib/db";
import { readiness } from "@/lib/site/health";

const folder = await mkdtemp(path.join(tmpdir(), "showfront-restart-"));
const workerDatabase = process.env.DATABASE_URL!;

afterAll(async () => {
  await prisma.$disconnect();
  setDatabaseUrl(workerDatabase);
  await rm(folder, { recursive: true, force: true });
});

async function eventually<T>(work: () => Promise<T>, withinMs: number): Promise<{ value: T }> {
  const started = Date.now();
  for (;;) {
    try {
      return { value: await work() };
    } catch (error) {
      if (Date.now() - started > withinMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

it("recovers by itself when Postgres restarts, and keeps what was committed", async () => {
  const dataDir = path.join(folder, "data");
  let server = await startEmbeddedPostgres({ dataDir });
  await createDatabaseIfMissing(server.serverUrl, "restart");
  const url = databaseUrlFor(server.serverUrl, "restart");
  await applyMigrations(url);
  await prisma.$disconnect();
  setDatabaseUrl(url);
  await prisma.show.create({ data: { slug: "before-restart", title: "Before" } });

  await server.stop();
  // Prisma prints each failed query while the server is away: expected here.
  const printed = jest.spyOn(console, "log").mockImplementation(() => {});
  await expect(prisma.show.count()).rejects.toThrow(/Can't reach database server/);
  expect((await readiness()).ready).toBe(false);

  server = await startEmbeddedPostgres({ dataDir, port: server.port });
  try {
    // Generous: the pool reconnects at once, but a loaded machine must not fail this.
    const { value } = await eventually(() => prisma.show.findMany({ select: { slug: true } }), 20_000);
    expect(value).toEqual([{ slug: "before-restart" }]);
    expect((await readiness()).ready).toBe(true);
  } finally {
    printed.mockRestore();
    await prisma.$disconnect();
    await server.stop();
  }
}, 60_000);
