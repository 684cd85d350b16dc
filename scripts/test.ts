// `npm test`: every test, in order: the production dependencies' advisories (npm audit), the linter and the
// formatter (ESLint, Prettier), Jest (unit, component and
// integration tests on a fresh embedded PostgreSQL 18), the integration tests again on PostgreSQL 15 (the oldest we
// support), the production build, then Playwright in Chromium against that build. Ends with one summary line
// "N passed, N failed[, N skipped]" and a non-zero exit on any failure, skipped test or broken step.
import { spawn } from "node:child_process";
import { access, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { startSystemPostgres } from "@/lib/database/temporary";
import { parseEnv } from "@/lib/env";
import { runCli } from "./cli";

const RESULTS_DIR = ".test-results";
const JEST_RESULTS = path.join(RESULTS_DIR, "jest.json");
const JEST_OLDEST_RESULTS = path.join(RESULTS_DIR, "jest-postgres-15.json");
const E2E_RESULTS = path.join(RESULTS_DIR, "e2e.json");
const JEST_ENV = { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --experimental-vm-modules --no-warnings=ExperimentalWarning` };
// Where distributions put PostgreSQL 15's server binaries: Debian/Ubuntu, RHEL's PGDG packages, Homebrew.
const POSTGRES_15_BIN_DIRS = ["/usr/lib/postgresql/15/bin", "/usr/pgsql-15/bin", "/opt/homebrew/opt/postgresql@15/bin", "/usr/local/opt/postgresql@15/bin"];

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules", ".bin", command), args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const jestResultsSchema = z.object({
  numPassedTests: z.number(),
  numFailedTests: z.number(),
  numPendingTests: z.number(),
  numTodoTests: z.number(),
  numRuntimeErrorTestSuites: z.number(),
});

const playwrightResultsSchema = z.object({
  stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }),
  errors: z.array(z.unknown()).default([]),
});

async function firstExisting(folders: string[]): Promise<string | undefined> {
  for (const folder of folders)
    if (
      await access(path.join(folder, "initdb")).then(
        () => true,
        () => false,
      )
    )
      return folder;
  return undefined;
}

async function readResults<T>(file: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const text = await readFile(file, "utf8").catch(() => undefined);
  return text === undefined ? undefined : schema.parse(JSON.parse(text));
}

runCli(async (log) => {
  await rm(RESULTS_DIR, { recursive: true, force: true });
  await mkdir(RESULTS_DIR, { recursive: true });
  const counts: Counts = { passed: 0, failed: 0, skipped: 0 };
  const brokenSteps: string[] = [];

  log("0/5 Advisories for the production dependencies (npm run audit)");
  const auditCode = await run("tsx", ["scripts/audit.ts"]);
  if (auditCode !== 0) brokenSteps.push("npm audit: a high or critical advisory (listed above)");

  const jest = async (args: string[], resultsFile: string, env: Record<string, string> = {}) => {
    const code = await run("jest", [...args, "--json", `--outputFile=${resultsFile}`], { ...JEST_ENV, ...env });
    const results = await readResults(resultsFile, jestResultsSchema);
    if (results) {
      counts.passed += results.numPassedTests;
      counts.failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
      counts.skipped += results.numPendingTests + results.numTodoTests;
    }
    if (!results || (code !== 0 && results.numFailedTests + results.numRuntimeErrorTestSuites === 0))
      brokenSteps.push(`jest ${args.join(" ")} (exit code ${code})`);
  };

  log("1/5 Lint and format (npm run lint: ESLint, Prettier)");
  const lintCode = await run("eslint", ["."]);
  if (lintCode !== 0) brokenSteps.push("eslint: the problems listed above");
  const formatCode = await run("prettier", ["--check", "."]);
  if (formatCode !== 0) brokenSteps.push("prettier: the files listed above are not formatted (npm run format)");

  log("2/5 Unit, component and integration tests (Jest)");
  await jest([], JEST_RESULTS);

  log("3/5 Integration tests again, on PostgreSQL 15 (the oldest supported)");
  const binDir = parseEnv(process.env).TEST_POSTGRES_15_BIN ?? (await firstExisting(POSTGRES_15_BIN_DIRS));
  const oldest = binDir ? await startSystemPostgres(binDir).catch((error: Error) => void brokenSteps.push(error.message)) : undefined;
  if (!binDir)
    brokenSteps.push("PostgreSQL 15's server binaries were not found: install them (Debian: apt-get install postgresql-15) or set TEST_POSTGRES_15_BIN");
  if (oldest) {
    try {
      // launch.test.ts starts embedded servers of its own: it ran in step 1.
      await jest(["--selectProjects", "integration", "--testPathIgnorePatterns", "launch\\.test"], JEST_OLDEST_RESULTS, {
        TEST_DATABASE_URL: oldest.serverUrl,
      });
    } finally {
      await oldest.stop();
    }
  }

  log("4/5 Production build (next build)");
  const buildCode = await run("next", ["build"]);
  if (buildCode !== 0) brokenSteps.push(`next build (exit code ${buildCode})`);
  else {
    log("5/5 End-to-end tests (Playwright in Chromium)");
    const e2eCode = await run("playwright", ["test"]);
    const e2e = await readResults(E2E_RESULTS, playwrightResultsSchema);
    if (e2e) {
      counts.passed += e2e.stats.expected + e2e.stats.flaky;
      counts.failed += e2e.stats.unexpected + e2e.errors.length;
      counts.skipped += e2e.stats.skipped;
    }
    if (!e2e || (e2eCode !== 0 && e2e.stats.unexpected + e2e.errors.length === 0)) brokenSteps.push(`playwright (exit code ${e2eCode})`);
  }

  if (counts.skipped) log(`${counts.skipped} test(s) were skipped: a skipped test fails the suite, fix or delete it`);
  for (const step of brokenSteps) log(`This step failed before its tests could report: ${step}`);
  const failed = counts.failed + brokenSteps.length;
  process.stdout.write(`\n${counts.passed} passed, ${failed} failed${counts.skipped ? `, ${counts.skipped} skipped` : ""}\n`);
  return failed || counts.skipped ? 1 : 0;
});
