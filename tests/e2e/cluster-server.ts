// Two instances of the site as production runs them behind a front of its own: each `npm start` with
// BUILT_IN_FRONT=false on one outside database (an embedded PostgreSQL here, used by both as DATABASE_URL), and
// Debian's nginx with deploy/nginx.conf in front (scripts/nginx.ts). Mail stays in the database's outbox.
import type { ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { migrateAndSeed, prepareDatabase } from "@/lib/site/launch";
import { newNonceMark } from "@/lib/security/content-security-policy";
import { runCli } from "../../scripts/cli";
import { startInstance, startNginx } from "../../scripts/nginx";
import { CLUSTER } from "./server-address";

runCli(async (log) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "showfront-cluster-"));
  process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  const database = await prepareDatabase(parseEnv({ ...process.env, DATABASE_URL: "", SHOWFRONT_DATA_DIR: dataDir }), log);
  writeFileSync(CLUSTER.databaseFile, database.url);
  const instances: ChildProcess[] = [];
  let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
  const stopped = new Promise<void>((resolve) => {
    for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => resolve());
  });
  try {
    await migrateAndSeed(database.url, log, { seed: true });
    const nonceMark = newNonceMark();
    // No SMTP here: mail stays in the database's outbox, where the tests read it.
    for (const port of CLUSTER.instancePorts) {
      const env = {
        SMTP_URL: "",
        TRUSTED_PROXY_HOPS: "1",
        ADMIN_TOKEN: CLUSTER.adminToken,
        COMMENTS_MODERATION: "all-approved",
        FEEDS_ALLOW_PRIVATE_HOSTS: "true",
      };
      instances.push(await startInstance({ port, databaseUrl: database.url, siteUrl: CLUSTER.baseUrl, nonceMark, env, showErrors: true }));
    }
    nginx = await startNginx({
      port: CLUSTER.nginxPort,
      upstreams: CLUSTER.instancePorts.map((port) => `127.0.0.1:${port}`),
      nonceMark,
      listenEverywhere: true,
    });
    log(`Two instances behind nginx at ${CLUSTER.baseUrl}`);
    await stopped;
    return 0;
  } finally {
    await nginx?.stop();
    for (const instance of instances) instance.kill("SIGTERM");
    await Promise.all(instances.map((instance) => (instance.exitCode === null ? new Promise((resolve) => instance.once("exit", resolve)) : undefined)));
    await database.stop();
  }
});
