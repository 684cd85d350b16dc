// Integration tests get a fresh database per run: a new embedded cluster in a temp folder (or a new database on
// TEST_DATABASE_URL's server), migrated once as a template, then one copy per Jest worker.
import { parseEnv } from "@/lib/env";
import { applyMigrations } from "@/lib/database/migrations";
import { createTemporaryDatabase, type TemporaryDatabase } from "@/lib/database/admin";
import { startTemporaryServer } from "@/lib/database/temporary";
import { WORKER_DATABASES_VARIABLE } from "./worker-database";

/** Creates the databases and points the environment at them; returns what tears them down. */
export async function setUpTestDatabases(workerCount: number): Promise<() => Promise<void>> {
  const env = parseEnv(process.env);
  const server = await startTemporaryServer(env.TEST_DATABASE_URL);
  const databases: TemporaryDatabase[] = [];
  try {
    const template = await createTemporaryDatabase(server.serverUrl, "showfront_test_template");
    databases.push(template);
    await applyMigrations(template.url);
    const workers = Math.max(1, workerCount);
    for (let worker = 1; worker <= workers; worker += 1) {
      databases.push(await createTemporaryDatabase(server.serverUrl, `showfront_test_w${worker}`, template.name));
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  process.env[WORKER_DATABASES_VARIABLE] = JSON.stringify(databases.slice(1).map((database) => database.url));
  process.env.SHOWFRONT_TEST_SERVER_URL = server.serverUrl;
  return async () => {
    for (const database of databases) await database.drop();
    await server.stop();
  };
}
