// Jest runs in native ESM (see the test scripts' --experimental-vm-modules): Prisma's generated client and
// several dependencies are ES modules only. Two projects: unit (no database) and integration (a real Postgres
// from tests/setup/global-setup.ts, started only when integration tests run).
import nextJest from "next/jest.js";

const createJestConfig = nextJest({ dir: "./" });

const shared = {
  setupFilesAfterEnv: ["<rootDir>/tests/setup/fail-on-console.ts"],
  testPathIgnorePatterns: ["/node_modules/", "/.next/", "/tests/e2e/", "/.test-results/"],
  extensionsToTreatAsEsm: [".ts", ".tsx"],
  // "server-only" is the empty module on a server; Jest's resolver does not take Node's react-server condition.
  moduleNameMapper: { "^next/image$": "<rootDir>/tests/setup/next-image.ts", "^server-only$": "<rootDir>/node_modules/server-only/empty.js" },
  // Our .mjs files are what Next loads as they are (lib/cache): Jest loads them as the ES modules they are, too.
  transformIgnorePatterns: ["/node_modules/", "\\.mjs$"],
  // lib keeps one of some things per process on globalThis on purpose (the Prisma client, the job queue, the parse
  // worker: Next gives each bundle its own module copies). Jest's "soft" cleanup of globals between files wraps
  // their properties, and a setter it wrapped recurses without end when the parse worker is retired later.
  testEnvironmentOptions: { globalsCleanup: "off" },
};

const unit = await createJestConfig({
  ...shared,
  displayName: "unit",
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/unit/**/*.test.{ts,tsx}"],
})();

const integration = await createJestConfig({
  ...shared,
  displayName: "integration",
  testEnvironment: "node",
  testMatch: ["<rootDir>/tests/integration/**/*.test.ts"],
  setupFiles: ["<rootDir>/tests/setup/worker-database.ts"],
  setupFilesAfterEnv: [...shared.setupFilesAfterEnv, "<rootDir>/tests/setup/disconnect-database.ts"],
  globalSetup: "<rootDir>/tests/setup/global-setup.mjs",
  globalTeardown: "<rootDir>/tests/setup/global-teardown.mjs",
})();

const config = {
  projects: [unit, integration],
  testTimeout: 30_000,
};

export default config;
