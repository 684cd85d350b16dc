import { describe, expect, it } from "@jest/globals";
import { GET as ready } from "@/app/api/ready/route";
import { prisma } from "@/lib/db";

describe("readiness", () => {
  it("is ready when every shipped migration is applied, and names the ones that are not", async () => {
    const answer = await ready();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ready: true, database: "ok", pendingMigrations: [] });

    const [latest] = await prisma.$queryRaw<{ migration_name: string }[]>`
      SELECT "migration_name" FROM "_prisma_migrations" ORDER BY "migration_name" DESC LIMIT 1`;
    await prisma.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = now() WHERE "migration_name" = ${latest!.migration_name}`;
    try {
      const behind = await ready();
      expect(behind.status).toBe(503);
      expect(await behind.json()).toEqual({ ready: false, database: "ok", pendingMigrations: [latest!.migration_name] });
    } finally {
      await prisma.$executeRaw`UPDATE "_prisma_migrations" SET "rolled_back_at" = NULL WHERE "migration_name" = ${latest!.migration_name}`;
    }
  });
});
