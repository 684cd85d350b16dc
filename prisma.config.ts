// Configuration for the Prisma CLI (`prisma generate`, and `prisma migrate deploy` for those who run it with
// internet). Showfront's own migration commands read the same paths from lib/db/migrations.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
