// Points each Jest worker at its own copy of the migrated test database (made by global-setup.ts), so test files
// in different workers never see each other's rows.
import { tmpdir } from "node:os";
import path from "node:path";

export const WORKER_DATABASES_VARIABLE = "SHOWFRONT_TEST_WORKER_DATABASES";

const urls = JSON.parse(process.env[WORKER_DATABASES_VARIABLE] ?? "[]") as string[];
const worker = Number(process.env.JEST_WORKER_ID ?? "1");
const url = urls[(worker - 1) % Math.max(urls.length, 1)];
if (url) process.env.DATABASE_URL = url;

// What the app writes to its data folder (media, the demo's pictures) goes to a folder of the worker's, not the
// developer's .data.
process.env.SHOWFRONT_DATA_DIR = path.join(tmpdir(), `showfront-test-data-${worker}`);

// Feed tests fetch from their own server on 127.0.0.1 (tests/setup/feed-server.ts).
process.env.FEEDS_ALLOW_PRIVATE_HOSTS = "true";
// The Spotify tests talk to a stand-in for Spotify on 127.0.0.1 that accepts any client credentials.
process.env.SPOTIFY_CLIENT_ID = "test-client-id";
process.env.SPOTIFY_CLIENT_SECRET = "test-client-secret";
// Work the app hands to background jobs runs inline, so a test sees its outcome; tests/integration/jobs.test.ts
// starts the jobs itself.
process.env.JOBS_ENABLED = "false";
