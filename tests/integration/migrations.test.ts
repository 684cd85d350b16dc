import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations, diffSchemaAgainstMigrations, MIGRATIONS_DIR, SCHEMA_PATH, writeMigration } from "@/lib/database/migrations";
import { createTemporaryDatabase } from "@/lib/database/admin";
import { testServerUrl } from "../setup/database";

async function tablesOf(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    return rows.map((row) => row.tablename);
  } finally {
    await client.end();
  }
}

describe("migrations", () => {
  it("migrate a fresh database, and a second run applies nothing", async () => {
    const database = await createTemporaryDatabase(testServerUrl(), "showfront_test_fresh");
    try {
      const folders = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((entry) => entry.isDirectory());
      expect(await applyMigrations(database.url)).toHaveLength(folders.length);
      expect(await tablesOf(database.url)).toEqual(expect.arrayContaining(["Show", "Episode", "Story", "Category", "StoryCategory", "_prisma_migrations"]));
      expect(await applyMigrations(database.url)).toEqual([]);
    } finally {
      await database.drop();
    }
  });

  it("match schema.prisma exactly: a schema edit without a migration fails here", async () => {
    expect(await diffSchemaAgainstMigrations(testServerUrl())).toBe("");
  });

  describe("with an edited copy of the schema", () => {
    let workDir: string;
    let paths: { migrationsDir: string; schemaPath: string };

    beforeEach(async () => {
      workDir = await mkdtemp(path.join(tmpdir(), "showfront-migrations-"));
      paths = { migrationsDir: path.join(workDir, "migrations"), schemaPath: path.join(workDir, "schema.prisma") };
      await cp(MIGRATIONS_DIR, paths.migrationsDir, { recursive: true });
      const schema = await readFile(SCHEMA_PATH, "utf8");
      await writeFile(paths.schemaPath, schema.replace(/model Show \{\n/, "model Show {\n  tagline String?\n"));
    });

    afterEach(async () => {
      await rm(workDir, { recursive: true, force: true });
    });

    it("detect the edit, write a migration for it, and agree again afterwards", async () => {
      expect(await diffSchemaAgainstMigrations(testServerUrl(), paths)).toMatch(/ALTER TABLE "Show" ADD COLUMN\s+"tagline" TEXT/);

      const written = await writeMigration(testServerUrl(), "add show tagline", paths, new Date("2030-01-02T03:04:05Z"));
      expect(written).toMatchObject({ status: "written" });
      const folder = path.join(paths.migrationsDir, "20300102030405_add_show_tagline");
      expect(await readFile(path.join(folder, "migration.sql"), "utf8")).toContain('"tagline"');

      expect(await diffSchemaAgainstMigrations(testServerUrl(), paths)).toBe("");
      expect(await writeMigration(testServerUrl(), "again", paths)).toEqual({ status: "unchanged" });
    });

    it("refuse a migration name that is not a plain identifier", async () => {
      await expect(writeMigration(testServerUrl(), "../../etc", paths)).rejects.toThrow(/letters, digits or underscores/);
    });
  });
});
