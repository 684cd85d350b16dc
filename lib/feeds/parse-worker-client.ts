// The parse job in a worker thread with a deadline and a memory cap, so no feed blocks the event loop. One warm worker
// parses feeds in turn (starting one costs ~0.5 s); one that overruns or dies is replaced.
import "server-only";
import path from "node:path";
import { Readable } from "node:stream";
import { Worker } from "node:worker_threads";
import { FeedParseError } from "./parse";
import { feedParseFrom, type FeedParse, type ParseJobInput, type ParseJobPart } from "./parse-job";

export const PARSE_LIMITS = { timeoutMs: 60_000, maxOldGenerationSizeMb: 768 } as const;

// Located from the project root rather than import.meta.url: bundlers would otherwise try to bundle the worker.
const WORKER_PATH = path.resolve(/* turbopackIgnore: true */ process.cwd(), "lib", "feeds", "parse-worker.mjs");
// An idle worker is let go after this long, so short-lived processes (CLIs, tests) can exit.
const IDLE_MS = 30_000;

type WorkerAnswer = { id: number; part: ParseJobPart } | { id: number; ok: true } | { id: number; ok: false; expected: boolean; message: string };

interface Pending {
  /** The job's parts as the worker sends them; ends when it is done, fails with its error. */
  parts: Readable;
  timer: NodeJS.Timeout;
}

class ParseWorker {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 1;
  dead = false;

  constructor(maxOldGenerationSizeMb: number) {
    this.worker = new Worker(/* turbopackIgnore: true */ WORKER_PATH, { resourceLimits: { maxOldGenerationSizeMb } });
    this.worker.unref();
    this.worker.on("message", (answer: WorkerAnswer | { ready: true }) => {
      if (!("id" in answer)) return;
      const job = this.pending.get(answer.id);
      if (!job) return;
      if ("part" in answer) return void job.parts.push(answer.part);
      this.settle(answer.id);
      if (answer.ok) job.parts.push(null);
      else job.parts.destroy(answer.expected ? new FeedParseError(answer.message) : new Error(`Feed parser failed: ${answer.message}`));
    });
    this.worker.on("error", (error) => {
      const outOfMemory = /heap|memory/i.test(error.message);
      this.fail(outOfMemory ? new FeedParseError("The feed needs more memory to parse than a feed may use.") : error);
    });
    this.worker.on("exit", (code) => this.fail(new FeedParseError(`The feed parser stopped unexpectedly (exit code ${code}).`)));
  }

  parse(input: ParseJobInput, timeoutMs: number): Readable {
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    const parts = new Readable({ objectMode: true, read() {} });
    const timer = setTimeout(() => {
      this.fail(new FeedParseError(`Parsing the feed took longer than ${timeoutMs / 1000} s and was stopped.`));
    }, timeoutMs);
    this.pending.set(id, { parts, timer });
    this.worker.ref();
    // A buffer that is all of its own memory moves to the worker instead of being copied.
    const { bytes } = input;
    const movable = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
    this.worker.postMessage({ id, input: { now: new Date(), ...input } }, movable ? [bytes.buffer as ArrayBuffer] : []);
    return parts;
  }

  private settle(id: number) {
    const job = this.pending.get(id);
    if (job) clearTimeout(job.timer);
    this.pending.delete(id);
    if (this.pending.size === 0) {
      this.worker.unref();
      if (!globalForParse.showfrontKeepParseWorker) this.idleTimer = setTimeout(() => this.retire(), IDLE_MS).unref();
    }
  }

  /** Rejects every waiting parse and ends the worker; the next parse starts a new one. */
  private fail(error: Error) {
    if (this.dead) return;
    this.dead = true;
    for (const job of this.pending.values()) {
      clearTimeout(job.timer);
      job.parts.destroy(error);
    }
    this.pending.clear();
    void this.worker.terminate();
  }

  private retire() {
    if (this.pending.size === 0) this.fail(new FeedParseError("retired"));
  }
}

// One worker per process, whichever bundle asks (Next gives instrumentation and each route its own module copies).
const globalForParse = globalThis as unknown as { showfrontParseWorker?: ParseWorker; showfrontKeepParseWorker?: boolean };

function worker(maxOldGenerationSizeMb: number = PARSE_LIMITS.maxOldGenerationSizeMb): ParseWorker {
  const current = globalForParse.showfrontParseWorker;
  if (current && !current.dead) return current;
  return (globalForParse.showfrontParseWorker = new ParseWorker(maxOldGenerationSizeMb));
}

/** Starts the worker while the feed downloads, so the first import does not wait for it to boot afterwards. */
export function warmParseWorker(): void {
  worker();
}

/** For the server: a worker ready before the first sync that stays (booting one takes ~0.6 s, docs/BENCHMARKS.md). */
export function keepParseWorkerWarm(): void {
  globalForParse.showfrontKeepParseWorker = true;
  worker();
}

/** Parses in the warm worker: the channel, then episodes in batches, all under the deadline. `bytes` may be moved. */
export function parseOffThread(input: ParseJobInput, limits: Partial<Record<keyof typeof PARSE_LIMITS, number>> = {}): Promise<FeedParse> {
  const { timeoutMs, maxOldGenerationSizeMb } = { ...PARSE_LIMITS, ...limits };
  return feedParseFrom(worker(maxOldGenerationSizeMb).parse(input, timeoutMs));
}
