// One kind of traffic of scripts/bench/open-loop.ts, in its own process: receives the plan, sends the requests,
// answers with the result and exits.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { OpenLoopPlan, OpenLoopResult, Traffic } from "./open-loop";

interface Outgoing {
  label: string;
  method: "GET" | "POST";
  path: string;
  headers: http.OutgoingHttpHeaders;
  body?: string;
  /** What identifies a write in the database afterwards. */
  key?: { kind: "comments" | "signUps"; value: string };
}

function requestsOf(traffic: Traffic, baseUrl: string): () => Outgoing {
  let sequence = 0;
  if (traffic.kind === "reads") return () => ({ label: traffic.label, method: "GET", path: traffic.paths[sequence++ % traffic.paths.length]!, headers: {} });
  if (traffic.kind === "beacons")
    return () => {
      sequence += 1;
      const headers = {
        origin: baseUrl,
        "content-type": "text/plain;charset=UTF-8",
        "user-agent": traffic.userAgent,
        "x-forwarded-for": `10.${(sequence >> 16) & 255}.${(sequence >> 8) & 255}.${sequence & 255}`,
      };
      return { label: "beacon", method: "POST", path: "/api/events", headers, body: traffic.bodies[sequence % traffic.bodies.length]! };
    };
  return () => {
    sequence += 1;
    const network = traffic.networkBase + sequence;
    const headers = { origin: baseUrl, "x-forwarded-for": `10.${(network >> 16) & 255}.${(network >> 8) & 255}.${network & 255}` };
    if (sequence % 2 === 1) {
      const body = `Load comment ${randomUUID()}`;
      return {
        label: "comment",
        method: "POST",
        path: "/api/comments",
        headers: { ...headers, "content-type": "application/json", cookie: `next-auth.session-token=${traffic.sessions[sequence % traffic.sessions.length]}` },
        body: JSON.stringify({ kind: "episode", slug: traffic.commentSlug, body, shownAt: String(Date.now() - 10_000) }),
        key: { kind: "comments", value: body },
      };
    }
    const email = `load-${randomUUID()}@load.example`;
    return {
      label: "sign-up",
      method: "POST",
      path: "/api/newsletter/subscribe",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: new URLSearchParams({ email, name: "Load Visitor", source: "/" }).toString(),
      key: { kind: "signUps", value: email },
    };
  };
}

async function run(plan: OpenLoopPlan): Promise<OpenLoopResult> {
  const result: OpenLoopResult = { sent: 0, latencies: [], statuses: {}, errors: 0, timeouts: 0, acknowledged: { comments: [], signUps: [] } };
  const next = requestsOf(plan.traffic, plan.baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });
  const inFlight = new Set<Promise<void>>();

  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const outgoing = next();
      result.sent += 1;
      let finished = false;
      const finish = (outcome: "answered" | "error" | "timeout", status?: number) => {
        if (finished) return;
        finished = true;
        if (outcome === "error") result.errors += 1;
        if (outcome === "timeout") result.timeouts += 1;
        if (status !== undefined) {
          result.latencies.push(performance.now() - due);
          const key = `${outgoing.label} ${status}`;
          result.statuses[key] = (result.statuses[key] ?? 0) + 1;
          if (outgoing.key && status < 300) result.acknowledged[outgoing.key.kind].push(outgoing.key.value);
        }
        resolve();
      };
      const request = http.request(
        new URL(outgoing.path, plan.baseUrl),
        {
          agent,
          method: outgoing.method,
          headers: { ...outgoing.headers, ...(outgoing.body !== undefined && { "content-length": Buffer.byteLength(outgoing.body) }) },
          timeout: plan.timeoutMs,
        },
        (response) => {
          response.resume();
          response.on("end", () => finish("answered", response.statusCode));
          response.on("error", () => finish("error"));
        },
      );
      request.on("timeout", () => {
        finish("timeout");
        request.destroy();
      });
      request.on("error", () => finish("error"));
      request.end(outgoing.body);
    });

  const meanGapMs = 1000 / plan.rate;
  const start = performance.now();
  const end = start + plan.seconds * 1000;
  let due = start;
  while (due < end) {
    const now = performance.now();
    for (; due <= now && due < end; due += -Math.log(1 - Math.random()) * meanGapMs) {
      const sending = send(due);
      inFlight.add(sending);
      void sending.then(() => inFlight.delete(sending));
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(due - performance.now(), 5))));
  }
  await Promise.all(inFlight);
  agent.destroy();
  return result;
}

process.once("message", (plan: OpenLoopPlan) => {
  void run(plan).then((result) => process.send!(result, () => process.exit(0)));
});
