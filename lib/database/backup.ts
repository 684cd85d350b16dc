// Backups with nothing but a Postgres connection (the embedded server ships no pg_dump): gzip, one JSON value per
// line, read in one snapshot through a cursor; a restore replays the migrations since, so old backups restore.
import "server-only";
import { createReadStream, createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { once } from "node:events";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { applyMigrations } from "./migrations";

export const BACKUP_FORMAT = "showfront-backup";
const BACKUP_VERSION = 1;
const BATCH = 1000;

export class BackupError extends Error {
  override name = "BackupError";
}

export interface TableProgress {
  table: string;
  rows: number;
}

type Line =
  | { format: string; version: number; createdAt: string; migrations: string[] }
  | { table: string; columns: string[] }
  | { end: string; rows: number }
  | unknown[];

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

async function tables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`,
  );
  return rows.map((row) => row.name);
}

// Generated columns are computed again by the database; every other column is kept, as text.
async function columns(client: pg.Client, table: string): Promise<{ name: string; type: string }[]> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
     FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     ORDER BY a.attnum`,
    [quote(table)],
  );
  return rows;
}

/** Writes every table's rows to `file`; reports each table when done. */
export async function writeBackup(databaseUrl: string, file: string, onTable: (progress: TableProgress) => void = () => {}): Promise<TableProgress[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const gzip = createGzip();
  const output = gzip.pipe(createWriteStream(file));
  const write = async (line: Line) => {
    if (!gzip.write(`${JSON.stringify(line)}\n`)) await once(gzip, "drain");
  };
  const done: TableProgress[] = [];
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migrations = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
    );
    await write({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations: migrations.rows.map((row) => row.name) });
    for (const table of await tables(client)) {
      const names = (await columns(client, table)).map((column) => column.name);
      await write({ table, columns: names });
      await client.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT json_build_array(${names.map((name) => `${quote(name)}::text`).join(", ")}) AS row FROM ${quote(table)}`,
      );
      let rows = 0;
      for (;;) {
        const batch = await client.query<{ row: unknown[] }>(`FETCH ${BATCH} FROM backup_rows`);
        for (const { row } of batch.rows) await write(row);
        rows += batch.rows.length;
        if (batch.rows.length < BATCH) break;
      }
      await client.query("CLOSE backup_rows");
      await write({ end: table, rows });
      done.push({ table, rows });
      onTable({ table, rows });
    }
    await client.query("COMMIT");
    gzip.end();
    await once(output, "finish");
    return done;
  } catch (error) {
    gzip.destroy();
    output.destroy();
    throw error;
  } finally {
    await client.end();
  }
}

async function* lines(file: string): AsyncGenerator<Line> {
  const reader = createInterface({ input: createReadStream(file).pipe(createGunzip()), crlfDelay: Infinity });
  for await (const text of reader) if (text) yield JSON.parse(text) as Line;
}

/** Restores a backup into a new, empty database: the backup's migrations, its rows in one transaction, then newer migrations. */
export async function restoreBackup(databaseUrl: string, file: string, onTable: (progress: TableProgress) => void = () => {}): Promise<TableProgress[]> {
  const input = lines(file)[Symbol.asyncIterator]();
  const header = (await input.next()).value as { format?: string; version?: number; migrations?: string[] } | undefined;
  if (header?.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION || !Array.isArray(header.migrations)) {
    throw new BackupError(`${file} is not a Showfront backup (made by npm run db:backup).`);
  }
  await applyMigrations(databaseUrl, undefined, header.migrations);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const done: TableProgress[] = [];
  try {
    await client.query("BEGIN");
    // Rows arrive table by table, children possibly before parents; they come from one consistent snapshot, so the
    // foreign-key triggers are skipped (as pg_restore does with --disable-triggers).
    await client.query("SET LOCAL session_replication_role = replica");
    let table: { name: string; columns: string[]; types: string[] } | undefined;
    let batch: unknown[][] = [];
    let rows = 0;
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const selects = table.columns.map((_column, index) => `(r->>${index})::${table!.types[index]}`).join(", ");
      await client.query(`INSERT INTO ${quote(table.name)} (${table.columns.map(quote).join(", ")}) SELECT ${selects} FROM json_array_elements($1::json) r`, [
        JSON.stringify(batch),
      ]);
      rows += batch.length;
      batch = [];
    };
    for (let next = await input.next(); !next.done; next = await input.next()) {
      const line = next.value;
      if (Array.isArray(line)) {
        batch.push(line);
        if (batch.length >= BATCH) await flush();
      } else if (line && typeof line === "object" && "table" in line) {
        const known = new Map((await columns(client, line.table)).map((column) => [column.name, column.type]));
        const missing = line.columns.filter((name) => !known.has(name));
        if (missing.length) throw new BackupError(`The backup's ${line.table} has columns this database does not: ${missing.join(", ")}.`);
        table = { name: line.table, columns: line.columns, types: line.columns.map((name) => known.get(name)!) };
        rows = 0;
      } else if (line && typeof line === "object" && "end" in line) {
        await flush();
        if (rows !== line.rows) throw new BackupError(`The backup is damaged: ${line.end} should have ${line.rows} rows, ${rows} were read.`);
        done.push({ table: line.end, rows });
        onTable({ table: line.end, rows });
      }
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  await applyMigrations(databaseUrl);
  return done;
}
