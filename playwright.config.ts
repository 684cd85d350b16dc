// End-to-end tests: the production build, started by tests/e2e/server.ts on a fresh embedded database, driven
// in the system's Chromium (CHROME_PATH, else /usr/bin/chromium): Playwright never downloads a browser here.
import { defineConfig, devices } from "@playwright/test";
import { parseEnv } from "./lib/env";
import { CLUSTER, E2E_BASE_URL } from "./tests/e2e/server-address";

const env = parseEnv(process.env);

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: ".test-results/e2e-artifacts",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"], ["json", { outputFile: ".test-results/e2e.json" }]],
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: E2E_BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: env.CHROME_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /(admin|newsletter|comments|stories)\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /layout\.spec\.ts/ },
    // The admin adds content and sends newsletters, so it runs after the tests that count what the demo shows.
    { name: "admin", use: { ...devices["Desktop Chrome"], channel: undefined }, testMatch: /(admin|newsletter|comments|stories)\.spec\.ts/, dependencies: ["desktop", "phone"] },
  ],
  webServer: [
    {
      command: "node_modules/.bin/tsx tests/e2e/server.ts",
      url: `${E2E_BASE_URL}/`,
      timeout: 120_000,
      reuseExistingServer: false,
      // SIGTERM lets the server stop its embedded database and delete its temp folder; the default is SIGKILL.
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      stdout: "pipe",
      stderr: "pipe",
      // The server's one-line-per-request logs would bury the test report: warnings and errors only.
      env: { LOG_LEVEL: "warn" },
    },
    {
      // Two instances behind Debian's nginx on one database (tests/e2e/cluster.spec.ts).
      command: "node_modules/.bin/tsx tests/e2e/cluster-server.ts",
      url: `${CLUSTER.baseUrl}/api/ready`,
      timeout: 180_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      stdout: "pipe",
      stderr: "pipe",
      env: { LOG_LEVEL: "warn" },
    },
  ],
});
