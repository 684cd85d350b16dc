// Two instances of the site as production runs them behind a front of its own: each `npm start` with
// BUILT_IN_FRONT=false on one outside database (an embedded PostgreSQL here, used by both as DATABASE_URL), and
// Debian's nginx with deploy/nginx.conf in front (scripts/nginx.ts). Mail stays in the database's outbox.
import { spawn, type ChildProcess } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { migrateAndSeed, prepareDatabase } from "@/lib/site/launch";
import { newNonceMark } from "@/lib/site/content-security-policy";
import { runCli } from "../../scripts/cli";
import { startNginx } from "../../scripts/nginx";
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
    const { SMTP_URL: _mailGoesToTheOutbox, ...inherited } = process.env;
    for (const port of CLUSTER.instancePorts) {
      instances.push(
        spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts", "start"], {
          // Their stdout is every mail's text (no SMTP here) and request lines: the test report keeps their warnings.
          stdio: ["ignore", "ignore", "inherit"],
          env: {
            ...inherited,
            DATABASE_URL: database.url,
            PORT: String(port),
            SITE_URL: CLUSTER.baseUrl,
            BUILT_IN_FRONT: "false",
            CSP_NONCE_MARK: nonceMark,
            TRUSTED_PROXY_HOPS: "1",
            ADMIN_TOKEN: CLUSTER.adminToken,
            COMMENTS_MODERATION: "all-approved",
            FEEDS_ALLOW_PRIVATE_HOSTS: "true",
          },
        }),
      );
    }
    for (const port of CLUSTER.instancePorts) await waitFor(`http://127.0.0.1:${port}/api/ready`);
    nginx = await startNginx({ port: CLUSTER.nginxPort, upstreams: CLUSTER.instancePorts.map((port) => `127.0.0.1:${port}`), nonceMark, listenEverywhere: true });
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

async function waitFor(url: string) {
  const deadline = Date.now() + 90_000;
  while (!(await fetch(url).then((response) => response.ok, () => false))) {
    if (Date.now() > deadline) throw new Error(`${url} did not answer within 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
