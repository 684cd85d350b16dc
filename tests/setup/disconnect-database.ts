// Integration test files share the one Prisma client: its connection is opened before the tests (a cold start
// of a database backend is not a slow query of the test's), and closed after them so Jest exits without waiting
// on sockets.
import { afterAll, beforeAll } from "@jest/globals";
import { closeIngest } from "@/lib/analytics/ingest";
import { prisma } from "@/lib/db";

beforeAll(async () => {
  await prisma.$connect();
  await prisma.$queryRaw`SELECT 1`;
});

afterAll(async () => {
  await closeIngest();
  await prisma.$disconnect();
});
