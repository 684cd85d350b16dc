// `npm run db:seed`: load the demo show and stories into DATABASE_URL's database if it has no content yet.
// The launcher runs it as a child process so that the Prisma client is made for the database it just prepared.
import { getEnv } from "@/lib/env";
import { runCli } from "./cli";

runCli(
  async (log) => {
    if (!getEnv().DATABASE_URL) throw new Error("db:seed needs DATABASE_URL; `npm run dev` seeds the embedded database by itself.");
    const { seedDemoContent } = await import("@/lib/demo/seed");
    const { prisma } = await import("@/lib/db");
    try {
      const seeded = await seedDemoContent((step) => log(`Demo content: ${step}`));
      if (!seeded) log("The database has content already; demo content was not loaded");
    } finally {
      await prisma.$disconnect();
    }
  },
  { envFiles: true },
);
