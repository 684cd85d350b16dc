// Helpers for integration tests: an empty database before each test, and the server URL for tests that need
// databases of their own.
import { prisma } from "@/lib/db";

export async function resetDatabase(): Promise<void> {
  const tables = await prisma.$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const quoted = tables.map(({ tablename }) => `"${tablename.replace(/"/g, '""')}"`);
  // Truncating costs a few milliseconds a table whether it holds rows or not: only the ones a test wrote to.
  const written = await prisma.$queryRawUnsafe<{ name: string }[]>(
    quoted.map((table) => `SELECT '${table.replace(/'/g, "''")}' AS name WHERE EXISTS (SELECT 1 FROM ${table})`).join(" UNION ALL "),
  );
  if (written.length === 0) return;
  await prisma.$executeRawUnsafe(`TRUNCATE ${written.map((row) => row.name).join(", ")} RESTART IDENTITY CASCADE`);
}

export function testServerUrl(): string {
  const url = process.env.SHOWFRONT_TEST_SERVER_URL;
  if (!url) throw new Error("The integration tests' global setup did not run.");
  return url;
}
