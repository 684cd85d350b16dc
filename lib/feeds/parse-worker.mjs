// Worker-thread entry for parse-worker-client.ts: CPU-bound parsing runs here, where a hostile feed can be cut off
// without stalling the server. Plain JS: workers start outside any bundler, and tsx loads the TypeScript.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
const { runParseJob } = await import("./parse-job.ts");
const { FeedParseError } = await import("./parse.ts");

parentPort.on("message", async ({ id, input }) => {
  try {
    // Each part (the channel, then batches of episodes) goes as soon as it is read: the importer writes meanwhile.
    for await (const part of runParseJob(input)) parentPort.postMessage({ id, part });
    parentPort.postMessage({ id, ok: true });
  } catch (error) {
    const expected = error instanceof FeedParseError;
    parentPort.postMessage({ id, ok: false, expected, message: error instanceof Error ? error.message : String(error) });
  }
});
parentPort.postMessage({ ready: true });
