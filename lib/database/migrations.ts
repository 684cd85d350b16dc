// Applying and writing migrations in Prisma's standard layout (prisma/migrations/<timestamp>_<name>/migration.sql
// plus migration_lock.toml), so that `prisma migrate deploy` works on the same folder for anyone who has the CLI.
import "server-only";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { NO_SCHEMA_FILTER, type SchemaFile, withSchemaEngine } from "./schema-engine";
import { withScratchDatabase } from "./admin";

export const PRISMA_DIR = path.resolve(process.cwd(), "prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
const LOCKFILE = "migration_lock.toml";
const MIGRATION_NAME = /^[a-z0-9_]{1,80}$/;

export interface MigrationPaths {
  migrationsDir: string;
  schemaPath: string;
}

const DEFAULT_PATHS: MigrationPaths = { migrationsDir: MIGRATIONS_DIR, schemaPath: SCHEMA_PATH };

async function readSchema(schemaPath: string): Promise<SchemaFile> {
  return { path: schemaPath, content: await readFile(schemaPath, "utf8") };
}

export async function readMigrationList(migrationsDir: string): Promise<MigrationList> {
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  const folders = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    folders.map(async (folder) => {
      const file = path.join(migrationsDir, folder, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: folder, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockfileContent = await readFile(path.join(migrationsDir, LOCKFILE), "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: LOCKFILE, content: lockfileContent },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/** Applies the migrations the database lacks (like `prisma migrate deploy`), or only up to `only`; returns their names. */
export async function applyMigrations(databaseUrl: string, paths: MigrationPaths = DEFAULT_PATHS, only?: string[]): Promise<string[]> {
  const all = await readMigrationList(paths.migrationsDir);
  const unknown = only?.filter((name) => !all.migrationDirectories.some((directory) => directory.path === name)) ?? [];
  if (unknown.length) throw new Error(`This Showfront does not have the migration(s) ${unknown.join(", ")}: it is older than the data.`);
  const migrationsList = only ? { ...all, migrationDirectories: all.migrationDirectories.filter((directory) => only.includes(directory.path)) } : all;
  return withSchemaEngine(databaseUrl, await readSchema(paths.schemaPath), async (engine) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: NO_SCHEMA_FILTER });
    return appliedMigrationNames;
  });
}

/** The SQL that would bring the migrations' schema up to schema.prisma (empty when they agree), from a scratch database. */
export async function diffSchemaAgainstMigrations(serverUrl: string, paths: MigrationPaths = DEFAULT_PATHS): Promise<string> {
  return withScratchDatabase(serverUrl, async (scratchUrl) => {
    await applyMigrations(scratchUrl, paths);
    const schema = await readSchema(paths.schemaPath);
    const sql = await withSchemaEngine(scratchUrl, schema, async (engine) => {
      const result = await engine.diff({
        from: { tag: "schemaDatasource", files: [schema], configDir: path.dirname(paths.schemaPath) },
        to: { tag: "schemaDatamodel", files: [schema] },
        script: true,
        exitCode: null,
        filters: NO_SCHEMA_FILTER,
      });
      return result.stdout ?? "";
    });
    return isEmptyMigration(sql) ? "" : sql;
  });
}

function isEmptyMigration(sql: string): boolean {
  return sql
    .split("\n")
    .map((line) => line.trim())
    .every((line) => line === "" || line.startsWith("--"));
}

function migrationTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

export function validateMigrationName(name: string): string {
  const normalized = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
  if (!MIGRATION_NAME.test(normalized)) {
    throw new Error(`Migration name "${name}" must be 1–80 letters, digits or underscores, e.g. add_comments.`);
  }
  return normalized;
}

export type WrittenMigration = { status: "written"; folder: string; sql: string } | { status: "unchanged" };

/** Writes a new migration folder holding the difference between the migrations and schema.prisma. */
export async function writeMigration(serverUrl: string, name: string, paths: MigrationPaths = DEFAULT_PATHS, now = new Date()): Promise<WrittenMigration> {
  const migrationName = validateMigrationName(name);
  const sql = await diffSchemaAgainstMigrations(serverUrl, paths);
  if (!sql) return { status: "unchanged" };
  const folder = path.join(paths.migrationsDir, `${migrationTimestamp(now)}_${migrationName}`);
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "migration.sql"), sql);
  const lockfile = path.join(paths.migrationsDir, LOCKFILE);
  await readFile(lockfile).catch(() =>
    writeFile(lockfile, '# Written by Showfront\'s migration command; keep it in version control.\nprovider = "postgresql"\n'),
  );
  return { status: "written", folder, sql };
}
