// Integration test files share the one Prisma client; closing its pool lets Jest exit without waiting on sockets.
import { afterAll } from "@jest/globals";
import { prisma } from "@/lib/db";

afterAll(async () => {
  await prisma.$disconnect();
});
