// The site as `npm start` runs it, on a new embedded database in a temp folder: every e2e run starts from the
// demo content, whatever the developer's own .data holds or DATABASE_URL says.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { launchSite, prepareDatabase } from "@/lib/site/launch";
import { runCli } from "../../scripts/cli";
import { startSmtpSink } from "../setup/smtp-sink";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_TOKEN, E2E_BASE_URL, E2E_CLOCK_FILE, E2E_DATABASE_FILE, E2E_MAIL_DIR, E2E_PORT } from "./server-address";

runCli(async (log) => {
  const dataDir = await mkdtemp(path.join(tmpdir(), "showfront-e2e-"));
  // Playwright ends this server with a signal, on which the embedded database stops and the process exits at once.
  process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));
  // The site's mail goes to a real SMTP server here; each message lands in a file the tests read.
  const sink = await startSmtpSink();
  rmSync(E2E_MAIL_DIR, { recursive: true, force: true });
  mkdirSync(E2E_MAIL_DIR, { recursive: true });
  sink.onMessage = (message) => {
    const file = path.join(E2E_MAIL_DIR, `${Date.now()}-${sink.messages.length}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        to: message.to,
        subject: message.subject,
        text: message.text,
        listUnsubscribe: message.header("list-unsubscribe"),
        listUnsubscribePost: message.header("list-unsubscribe-post"),
      }),
    );
  };
  // The newsletter's schedule goes by the system's time until a test writes the clock file, and looks every 2 s;
  // analytics are rolled up as often.
  rmSync(E2E_CLOCK_FILE, { force: true });
  const schedule = { SHOWFRONT_TEST_CLOCK_FILE: path.resolve(E2E_CLOCK_FILE), NEWSLETTER_CHECK_SECONDS: "2", ANALYTICS_ROLLUP_SECONDS: "2" };
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
    SMTP_URL: sink.url,
    ADMIN_EMAILS: E2E_ADMIN_EMAIL,
    // Two Next processes, as on the reference machine: an admin's change (a post, which goes to the last process)
    // is then read back from the first, so every such test also checks the revalidation between them.
    WEB_CONCURRENCY: "2",
    ...schedule,
  });
  // The launched Next server reads the same values from its environment.
  Object.assign(process.env, {
    ADMIN_TOKEN: E2E_ADMIN_TOKEN,
    FEEDS_ALLOW_PRIVATE_HOSTS: "true",
    SITE_URL: E2E_BASE_URL,
    SMTP_URL: sink.url,
    ADMIN_EMAILS: E2E_ADMIN_EMAIL,
    ...schedule,
  });
  // The database is started here rather than by the launcher, so its address can be handed to the tests.
  const database = await prepareDatabase(env, log);
  writeFileSync(E2E_DATABASE_FILE, database.url);
  try {
    return await launchSite({ command: "start", env: { ...env, DATABASE_URL: database.url }, seed: true, log });
  } finally {
    await database.stop();
  }
});
