// Runs parsePodcastFeed in a worker thread with a deadline and a memory cap, so that no feed, however large or
// hostile, blocks the event loop that serves pages.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { FeedParseError, type ParsedFeed } from "./parse";

export const PARSE_LIMITS = { timeoutMs: 60_000, maxOldGenerationSizeMb: 768 } as const;

// Located from the project root rather than import.meta.url: bundlers would otherwise try to bundle the worker.
const WORKER_PATH = path.resolve(/* turbopackIgnore: true */ process.cwd(), "lib", "feeds", "parse-worker.mjs");

type WorkerAnswer = { ok: true; feed: ParsedFeed } | { ok: false; expected: boolean; message: string };

export function parseFeedOffThread(
  text: string,
  feedUrl?: string,
  limits: Partial<Record<keyof typeof PARSE_LIMITS, number>> = {},
): Promise<ParsedFeed> {
  const { timeoutMs, maxOldGenerationSizeMb } = { ...PARSE_LIMITS, ...limits };
  return new Promise((resolve, reject) => {
    const worker = new Worker(/* turbopackIgnore: true */ WORKER_PATH, {
      workerData: { text, feedUrl, now: new Date() },
      resourceLimits: { maxOldGenerationSizeMb },
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new FeedParseError(`Parsing the feed took longer than ${timeoutMs / 1000} s and was stopped.`));
    }, timeoutMs);
    const settle = () => clearTimeout(timer);
    worker.once("message", (answer: WorkerAnswer) => {
      settle();
      void worker.terminate();
      if (answer.ok) resolve(answer.feed);
      else reject(answer.expected ? new FeedParseError(answer.message) : new Error(`Feed parser failed: ${answer.message}`));
    });
    worker.once("error", (error) => {
      settle();
      const outOfMemory = /heap|memory/i.test(error.message);
      reject(outOfMemory ? new FeedParseError("The feed needs more memory to parse than a feed may use.") : error);
    });
    worker.once("exit", (code) => {
      settle();
      reject(new FeedParseError(`The feed parser stopped unexpectedly (exit code ${code}).`));
    });
  });
}
