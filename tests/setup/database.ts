// Helpers for integration tests: an empty database before each test, and the server URL for tests that need
// databases of their own.
import { prisma } from "@/lib/db";

export async function resetDatabase(): Promise<void> {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map(({ tablename }) => `"${tablename.replace(/"/g, '""')}"`).join(", ");
  await prisma.$executeRawUnsafe(`TRUNCATE ${list} RESTART IDENTITY CASCADE`);
}

export function testServerUrl(): string {
  const url = process.env.SHOWFRONT_TEST_SERVER_URL;
  if (!url) throw new Error("The integration tests' global setup did not run.");
  return url;
}
