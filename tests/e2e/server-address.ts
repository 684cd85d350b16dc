export const E2E_PORT = 3100;
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;
/** The e2e server's ADMIN_TOKEN: a test value, never a real secret. */
export const E2E_ADMIN_TOKEN = "e2e-admin-token-that-is-long-enough";
/** Where the e2e server's mail sink writes each message it accepts, as JSON, for the tests to open. */
export const E2E_MAIL_DIR = ".test-results/e2e-mail";
/** Becomes an admin when it signs in (the e2e server's ADMIN_EMAILS). */
export const E2E_ADMIN_EMAIL = "e2e-admin@example.com";
/** An ISO instant the e2e server's newsletter schedule takes as now, written by tests that move time on. */
export const E2E_CLOCK_FILE = ".test-results/e2e-clock";
/** Where the e2e server writes its database's URL, for tests that set up what no page can (other roles, sentinels). */
export const E2E_DATABASE_FILE = ".test-results/e2e-database-url";

/** Two instances of the site behind Debian's nginx (deploy/nginx.conf) on one database: tests/e2e/cluster-server.ts. */
export const CLUSTER = {
  nginxPort: 3110,
  instancePorts: [3111, 3112],
  baseUrl: "http://127.0.0.1:3110",
  adminToken: "cluster-admin-token-that-is-long-enough",
  /** Where the cluster server writes its database's URL. */
  databaseFile: ".test-results/cluster-database-url",
} as const;
