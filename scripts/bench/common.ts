// What the benchmark sections share: result rows, number formatting, the production server they measure, and the
// sign-ups they load it with.
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import type { Request } from "autocannon";
import { freePort } from "@/lib/database/free-port";

export interface Row {
  name: string;
  value: string;
  target: string;
  pass: boolean | undefined;
}

export const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

export function table(rows: Row[]): string {
  return [
    "| Measure | Result | Target | Met |",
    "| --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row.name} | ${row.value} | ${row.target} | ${row.pass === undefined ? "—" : row.pass ? "yes" : "**no**"} |`),
  ].join("\n");
}

/** The site exactly as `npm start` runs it (Next behind the edge cache) on a database; built first if need be. */
export async function startProductionServer(databaseUrl: string, log: (message: string) => void, env: Record<string, string> = {}) {
  if (!existsSync(".next/BUILD_ID")) {
    log("No production build yet: running next build");
    execFileSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit" });
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  log(`Starting the production server on ${baseUrl}`);
  const server = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts", "start"], {
    stdio: "ignore",
    env: { ...process.env, DATABASE_URL: databaseUrl, SITE_URL: baseUrl, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  for (let attempt = 0; ; attempt += 1) {
    const ready = await fetch(`${baseUrl}/`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    if (attempt > 120 || server.exitCode !== null) {
      server.kill("SIGTERM");
      throw new Error("the production server did not start");
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // The launcher stops Next and its edge cache on SIGTERM.
  return { baseUrl, stop: () => void server.kill("SIGTERM") };
}

/**
 * autocannon requests that each sign a new address up for the newsletter, from a visitor of its own (its address in
 * X-Forwarded-For, behind a trusted proxy): across 10.0.0.0/8, or within 10.<network>.0.0/16 so that one run never
 * meets another's visitors (and their rate limits). Built by a function, so autocannon runs them in this thread:
 * functions cannot be sent to its workers.
 */
export function signUpRequests(baseUrl: string, network?: number): Request[] {
  const run = randomBytes(3).toString("hex");
  let sequence = 0;
  const visitor = (n: number) => (network === undefined ? `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` : `10.${network}.${(n >> 8) & 255}.${n & 255}`);
  return [
    {
      method: "POST",
      path: "/api/newsletter/subscribe",
      setupRequest: (request) => {
        sequence += 1;
        return {
          ...request,
          headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json", origin: baseUrl, "x-forwarded-for": visitor(sequence) },
          body: new URLSearchParams({ email: `visitor${sequence}-${run}@bench.example`, name: "Bench Visitor", source: "/" }).toString(),
        };
      },
    },
  ];
}
