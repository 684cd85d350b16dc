// End-to-end tests: the production build, started by tests/e2e/server.ts on a fresh embedded database, driven
// in the system's Chromium (CHROME_PATH, else /usr/bin/chromium): Playwright never downloads a browser here.
import { defineConfig, devices } from "@playwright/test";
import { parseEnv } from "./lib/env";
import { CLUSTER, E2E_BASE_URL } from "./tests/e2e/server-address";

const env = parseEnv(process.env);

function testServer(script: string, url: string, timeout: number) {
  return {
    command: `node_modules/.bin/tsx ${script}`,
    url,
    timeout,
    reuseExistingServer: false,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: { LOG_LEVEL: "warn" },
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: ".test-results/e2e-artifacts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: ".test-results/e2e.json" }]],
  // Generous, so the suite holds on a loaded machine: with two CPU hogs beside it, a page took more than 10 s to
  // hydrate (a ?t= link's "Play from" label is set once it has). Passing waits end as soon as the page is ready.
  timeout: 90_000,
  expect: { timeout: 30_000 },
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: env.CHROME_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /(admin|newsletter|comments|stories|analytics)\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /layout\.spec\.ts/ },
    // The admin adds content and sends newsletters, so it runs after the tests that count what the demo shows.
    {
      name: "admin",
      use: { ...devices["Desktop Chrome"], channel: undefined },
      testMatch: /(admin|newsletter|comments|stories|analytics)\.spec\.ts/,
      dependencies: ["desktop", "phone"],
    },
  ],
  // Each server gets SIGTERM (the default is SIGKILL): it stops its embedded database and deletes its temp folder.
  // Their one-line-per-request logs would bury the test report: warnings and errors only.
  webServer: [
    testServer("tests/e2e/server.ts", `${E2E_BASE_URL}/`, 120_000),
    // Two instances behind Debian's nginx on one database (tests/e2e/cluster.spec.ts).
    testServer("tests/e2e/cluster-server.ts", `${CLUSTER.baseUrl}/api/ready`, 180_000),
  ],
});
