// `npm run db:migration -- <name>`: write prisma/migrations/<timestamp>_<name>/ from the difference between the
// existing migrations and prisma/schema.prisma. Works on a throwaway database, never on your data.
import { parseEnv } from "@/lib/env";
import { validateMigrationName, writeMigration } from "@/lib/database/migrations";
import { startTemporaryServer } from "@/lib/database/temporary";
import { runCli } from "./cli";

runCli(async (log) => {
  const name = validateMigrationName(process.argv[2] ?? "");
  const env = parseEnv(process.env);
  log(env.DATABASE_URL ? "Comparing on a scratch database next to DATABASE_URL" : "Starting a throwaway embedded PostgreSQL to compare on");
  const server = await startTemporaryServer(env.DATABASE_URL);
  try {
    log("Replaying the migrations and comparing them with prisma/schema.prisma");
    const result = await writeMigration(server.serverUrl, name);
    if (result.status === "unchanged") log("schema.prisma matches the migrations: no migration written");
    else log(`Wrote ${result.folder}:\n${result.sql}`);
  } finally {
    await server.stop();
  }
});
