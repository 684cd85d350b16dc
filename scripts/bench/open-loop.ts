// An open-loop load generator: requests go out at random moments at a steady average rate (a Poisson process, as
// independent readers arrive), whatever the answers' speed, and each latency counts from the moment its request was
// due, so time the generator itself lost is counted against the server rather than hidden (no coordinated omission).
// autocannon, used first, spends each connection's per-second budget at the start of every second: the whole
// second's traffic arrived as one burst. Each kind of traffic runs in a process of its own, so that one kind's work
// on the client never delays another's answers.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";

export type Traffic =
  | { kind: "reads"; label: string; paths: string[] }
  /** Comments by signed-in readers and newsletter sign-ups, in turn; each from its own network address. */
  | { kind: "writes"; sessions: string[]; commentSlug: string; networkBase: number }
  /** Analytics beacons (a JSON body each) from a browser, each from its own network address. */
  | { kind: "beacons"; bodies: string[]; userAgent: string };

export interface OpenLoopPlan {
  baseUrl: string;
  /** Requests per second, on average. */
  rate: number;
  seconds: number;
  timeoutMs: number;
  traffic: Traffic;
}

export interface OpenLoopResult {
  sent: number;
  /** Milliseconds from each request's due moment to its complete answer, for every answered request. */
  latencies: number[];
  /** e.g. "comment 201": 40. */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
  /** The comments (by body) and sign-ups (by address) that were answered with success. */
  acknowledged: { comments: string[]; signUps: string[] };
}

export function offer(plan: OpenLoopPlan): Promise<OpenLoopResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL("./open-loop-process.ts", import.meta.url)), { execArgv: process.execArgv });
    let result: OpenLoopResult | undefined;
    child.once("message", (message) => (result = message as OpenLoopResult));
    child.once("error", reject);
    child.once("exit", (code) => (result ? resolve(result) : reject(new Error(`the load generator stopped (exit code ${code})`))));
    child.send(plan);
  });
}
