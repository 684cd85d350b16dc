// The site as `npm start` runs it, on a new embedded database in a temp folder: every e2e run starts from the
// demo content, whatever the developer's own .data holds or DATABASE_URL says.
import { rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { launchSite } from "@/lib/site/launch";
import { runCli } from "../../scripts/cli";
import { E2E_ADMIN_TOKEN, E2E_BASE_URL, E2E_PORT } from "./server-address";

runCli(async (log) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "showfront-e2e-"));
  // Playwright ends this server with a signal, on which the embedded database stops and the process exits at once.
  process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  const env = parseEnv({
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: "",
    SHOWFRONT_DATA_DIR: dataDir,
    PORT: String(E2E_PORT),
    SITE_URL: E2E_BASE_URL,
    ADMIN_TOKEN: E2E_ADMIN_TOKEN,
    // The admin tests add feeds served by their own server on 127.0.0.1.
    FEEDS_ALLOW_PRIVATE_HOSTS: "true",
  });
  // The launched Next server reads the same values from its environment.
  Object.assign(process.env, { ADMIN_TOKEN: E2E_ADMIN_TOKEN, FEEDS_ALLOW_PRIVATE_HOSTS: "true", SITE_URL: E2E_BASE_URL });
  return launchSite({ command: "start", env, log });
});
