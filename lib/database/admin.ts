// Server-level chores done over a plain connection: creating and dropping databases, checking that a server
// answers. Database names are generated or validated here, never taken raw from input.
import "server-only";
import { randomBytes } from "node:crypto";
import pg from "pg";

const DATABASE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A connection URL with its password hidden, for messages. */
export function redactUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  if (url.password) url.password = "****";
  return url.toString();
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Connects once and runs a trivial query; the error says what failed, in one line. */
export async function checkConnection(databaseUrl: string): Promise<void> {
  try {
    await withClient(databaseUrl, (client) => client.query("SELECT 1"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot connect to the database at ${redactUrl(databaseUrl)}: ${reason || "connection refused"}`);
  }
}

function assertDatabaseName(name: string): void {
  if (!DATABASE_NAME.test(name)) throw new Error(`"${name}" is not a database name Showfront creates.`);
}

export async function createDatabaseIfMissing(serverUrl: string, name: string, template?: string): Promise<void> {
  assertDatabaseName(name);
  if (template) assertDatabaseName(template);
  await withClient(databaseUrlFor(serverUrl, "postgres"), async (client) => {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (rowCount) return;
    const from = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : "";
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
  });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  assertDatabaseName(name);
  await withClient(databaseUrlFor(serverUrl, "postgres"), (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
}

export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
}

/** Runs `work` against a new empty database on the same server, dropped afterwards whatever happens. */
export async function withScratchDatabase<T>(serverUrl: string, work: (scratchUrl: string) => Promise<T>): Promise<T> {
  const name = uniqueDatabaseName("showfront_scratch");
  await createDatabaseIfMissing(serverUrl, name);
  try {
    return await work(databaseUrlFor(serverUrl, name));
  } finally {
    await dropDatabase(serverUrl, name);
  }
}

export interface TemporaryDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new database with a unique name; `drop()` removes it. */
export async function createTemporaryDatabase(serverUrl: string, prefix: string, template?: string): Promise<TemporaryDatabase> {
  const name = uniqueDatabaseName(prefix);
  await createDatabaseIfMissing(serverUrl, name, template);
  return { url: databaseUrlFor(serverUrl, name), name, drop: () => dropDatabase(serverUrl, name) };
}

/** Puts `replacement` in the place of `current` (kept under `keptAs`); nobody may be connected to either. */
export async function swapDatabases(serverUrl: string, current: string, replacement: string, keptAs: string): Promise<void> {
  for (const name of [current, replacement, keptAs]) assertDatabaseName(name);
  await withClient(databaseUrlFor(serverUrl, "postgres"), async (client) => {
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(current)} RENAME TO ${client.escapeIdentifier(keptAs)}`);
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(replacement)} RENAME TO ${client.escapeIdentifier(current)}`);
  });
}
