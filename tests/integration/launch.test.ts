import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFile, spawn } from "node:child_process";
import { chmod, mkdir, mkdtemp, readdir, readlink, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { createTemporaryDatabase } from "@/lib/database/admin";
import { parseEnv } from "@/lib/env";
import { freePort } from "@/lib/database/free-port";
import { migrateAndSeed, prepareDatabase } from "@/lib/site/launch";
import { testServerUrl } from "../setup/database";

const run = promisify(execFile);

async function runScript(script: string, env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(path.resolve("node_modules/.bin/tsx"), [script], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/**
 * The project as a newcomer has it after `npm install`, in a folder closed to other users (0700): hard links (so it
 * takes seconds), inside the project so that they are on its filesystem.
 */
async function closedCopyOfProject(): Promise<string> {
  await mkdir(".test-results", { recursive: true });
  const closed = await mkdtemp(path.resolve(".test-results", "closed-"));
  await chmod(closed, 0o700);
  const project = path.join(closed, "showfront");
  await mkdir(project);
  const skipped = new Set([".git", ".next", ".data", ".test-results", "test-results", "playwright-report"]);
  const entries = (await readdir(".")).filter((entry) => !skipped.has(entry));
  await run("cp", ["-al", ...entries.map((entry) => path.resolve(entry)), project]);
  return project;
}

async function countRows(url: string, table: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "${table}"`);
    return Number(rows[0]?.count);
  } finally {
    await client.end();
  }
}

describe("starting the site", () => {
  it("stops with one clear line when DATABASE_URL is not a Postgres URL", async () => {
    const result = await runScript("scripts/db-migrate.ts", { DATABASE_URL: "mysql://root@localhost/showfront" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      "[showfront] Error: Invalid configuration: DATABASE_URL must be a postgres:// or postgresql:// connection URL.",
    ]);
  });

  it("says which database it could not reach, without the password and without a stack trace", async () => {
    const result = await runScript("scripts/db-migrate.ts", { DATABASE_URL: "postgres://someone:secret@127.0.0.1:1/nowhere" });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^\[showfront\] Error: Cannot connect to the database at postgres:\/\/someone:\*\*\*\*@127\.0\.0\.1:1\/nowhere: /);
    expect(result.stderr).not.toContain("secret");
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  describe("where the embedded database is left out (the production image)", () => {
    const withoutEmbedded = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import=${path.resolve("tests/setup/without-embedded-postgres.mjs")}` };

    it("runs on the database DATABASE_URL names", async () => {
      const database = await createTemporaryDatabase(testServerUrl(), "showfront_without_embedded");
      try {
        const result = await runScript("scripts/db-migrate.ts", { ...withoutEmbedded, DATABASE_URL: database.url });
        expect(result).toMatchObject({ code: 0 });
        expect(await countRows(database.url, "_prisma_migrations")).toBeGreaterThan(0);
      } finally {
        await database.drop();
      }
    });

    it("says in one line to set DATABASE_URL when none is set", async () => {
      const result = await runScript("scripts/db-migrate.ts", { ...withoutEmbedded, DATABASE_URL: "" });
      expect(result.code).toBe(1);
      expect(result.stderr.trim().split("\n").at(-1)).toBe(
        "[showfront] Error: This installation has no embedded database (the production image leaves it out): set DATABASE_URL to your PostgreSQL.",
      );
      expect(result.stderr).not.toMatch(/^\s+at /m);
    });
  });

  it("`npm run dev` in a folder other users cannot enter (/root, a mktemp folder), as root too, serves the demo show and prints nothing that reads as a failure", async () => {
    const project = await closedCopyOfProject();
    const port = await freePort();
    const site = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts", "dev"], {
      cwd: project,
      // Not Jest's NODE_ENV=test, which next dev warns about: what it runs under anyway.
      env: { ...process.env, NODE_ENV: "development", PORT: String(port), SHOWFRONT_DATA_DIR: ".data", DATABASE_URL: "" },
      detached: true,
    });
    let output = "";
    site.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    site.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise((resolve) => site.on("exit", resolve));
    try {
      let home: Response | undefined;
      for (let attempt = 0; attempt < 180 && home?.status !== 200 && site.exitCode === null; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        home = await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
      }
      expect(home?.status).toBe(200);
      expect(await home!.text()).toContain("The Long Signal");
      // Next's error marks, a failed compile, a Turbopack panic, an error line of ours or of the logger.
      expect(output).not.toMatch(/⨯|had an error|FATAL|panic|^\s*(\[showfront\] )?Error|"level":[56]0/m);
    } finally {
      process.kill(-site.pid!, "SIGTERM");
      await exited;
      // As root the cluster lives under /var/lib/showfront, linked from the project's data folder.
      const placed = await readlink(path.join(project, ".data", "postgres")).catch(() => undefined);
      if (placed) await rm(path.dirname(placed), { recursive: true, force: true });
      await rm(path.dirname(project), { recursive: true, force: true });
    }
  }, 240_000);

  describe("on the embedded database", () => {
    let dataDir: string;
    beforeAll(async () => {
      dataDir = await mkdtemp(path.join(tmpdir(), "showfront-launch-"));
    });
    afterAll(async () => {
      await rm(dataDir, { recursive: true, force: true });
    });

    it("creates, migrates and seeds it on first start, and keeps the data on the next without seeding again", async () => {
      const env = parseEnv({ SHOWFRONT_DATA_DIR: dataDir });
      const log: string[] = [];

      const first = await prepareDatabase(env, (line) => log.push(line));
      try {
        expect(first.embedded).toBe(true);
        await migrateAndSeed(first.url, (line) => log.push(line), { seed: true });
        expect(await countRows(first.url, "Episode")).toBe(8);
      } finally {
        await first.stop();
      }

      const second = await prepareDatabase(env, (line) => log.push(line));
      try {
        await migrateAndSeed(second.url, (line) => log.push(line), { seed: true });
        expect(await countRows(second.url, "Episode")).toBe(8);
        expect(await countRows(second.url, "Story")).toBe(5);
      } finally {
        await second.stop();
      }
      expect(log).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^Applied \d+ migration/),
          "Demo content: imported 8 demo episodes",
          "Database schema is up to date",
          "The database has content already; demo content was not loaded",
        ]),
      );
      // Two cold starts of a database and a whole demo seed: under two CPU hogs this took more than 30 s.
    }, 180_000);

    it("refuses to start a second server on the same data folder, and says why", async () => {
      const env = parseEnv({ SHOWFRONT_DATA_DIR: dataDir });
      const running = await prepareDatabase(env, () => {});
      try {
        await expect(prepareDatabase(env, () => {})).rejects.toThrow(/Another PostgreSQL \(PID \d+\) is already using .*is Showfront running/);
      } finally {
        await running.stop();
      }
    }, 120_000);

    it("lets a CLI work beside the running site on its server, and leaves that server running", async () => {
      const env = parseEnv({ SHOWFRONT_DATA_DIR: dataDir });
      const running = await prepareDatabase(env, () => {});
      try {
        const log: string[] = [];
        const beside = await prepareDatabase(env, (line) => log.push(line), { joinRunning: true });
        expect(beside.url).toBe(running.url);
        // What `npm run db:url` prints for psql or a GUI.
        expect(await runScript("scripts/db-url.ts", { SHOWFRONT_DATA_DIR: dataDir, DATABASE_URL: "" })).toMatchObject({ code: 0, stdout: `${running.url}\n` });
        expect(log.at(-1)).toMatch(/^It is running already \(the site's, PID \d+, 127\.0\.0\.1:\d+\): using it, and leaving it running$/);
        await beside.stop();
        expect(await countRows(running.url, "Episode")).toBe(8);
      } finally {
        await running.stop();
      }
      const stopped = await runScript("scripts/db-url.ts", { SHOWFRONT_DATA_DIR: dataDir, DATABASE_URL: "" });
      expect(stopped.code).toBe(1);
      expect(stopped.stderr.trim()).toBe("[showfront] Error: The embedded database is not running: start the site (npm run dev), then ask again.");
      // Once the site is gone, the CLI starts the server itself.
      const alone = await prepareDatabase(env, () => {}, { joinRunning: true });
      try {
        expect(await countRows(alone.url, "Episode")).toBe(8);
      } finally {
        await alone.stop();
      }
    }, 120_000);
  });
});
