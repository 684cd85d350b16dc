// `npm run db:migrate`: apply pending migrations to DATABASE_URL, or to the embedded database when it is unset.
import { runCli } from "./cli";
import { withDatabase } from "./with-database";

runCli((log) => withDatabase(log, async () => 0), { envFiles: true });
