// Worker-thread entry for parse-worker-client.ts: XML parsing and sanitizing are CPU-bound (rss-parser's snippet
// builder is quadratic on long descriptions), so they run here, where a hostile feed can be cut off without
// stalling the server. Plain JS: workers start outside any bundler, and tsx loads the TypeScript.
import { parentPort, workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { parsePodcastFeed, FeedParseError } = await import("./parse.ts");

try {
  const feed = await parsePodcastFeed(workerData.text, { feedUrl: workerData.feedUrl, now: workerData.now });
  parentPort.postMessage({ ok: true, feed });
} catch (error) {
  const expected = error instanceof FeedParseError;
  parentPort.postMessage({ ok: false, expected, message: error instanceof Error ? error.message : String(error) });
}
