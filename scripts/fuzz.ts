// `npm run fuzz [-- --runs N] [--only <name part>]`: every fuzz property (tests/fuzz/properties.ts) on 100,000
// random inputs (or N), each bounded in time, with progress; a failure prints the smallest input that breaks it,
// to be kept as a regression fixture in tests/fixtures/fuzz/. Searches run against a throwaway embedded database
// with the demo content, and so does the whole path from feed bytes to rows.
import { parseArgs } from "node:util";
import fc from "fast-check";
import { z } from "zod";
import { createDatabaseIfMissing, databaseUrlFor } from "@/lib/database/admin";
import { applyMigrations } from "@/lib/database/migrations";
import { startTemporaryServer } from "@/lib/database/temporary";
import { prisma, setDatabaseUrl } from "@/lib/db";
import { seedDemoContent } from "@/lib/demo/seed";
import { searchContent, searchSuggestions } from "@/lib/search/search";
import { PROPERTIES, searchProperty, type FuzzProperty } from "../tests/fuzz/properties";
import { FEED_IMPORT_NAME, feedImportProperty } from "../tests/fuzz/feed-import";
import { runCli } from "./cli";
import { progressBar } from "./progress";

const argsSchema = z.object({
  runs: z.coerce.number().int().min(1).max(10_000_000).default(100_000),
  only: z.string().max(100).optional(),
});
// No property may run longer than this in all (a hang would otherwise never end), nor one input this long.
const PROPERTY_LIMIT_MS = 10 * 60_000;
const CASE_TIMEOUT_MS = 30_000;

/** The property, reporting each input it runs (fast-check itself reports only at the end). */
function countingRuns<T>(property: fc.IRawProperty<T>, onRun: () => void): fc.IRawProperty<T> {
  return {
    isAsync: () => property.isAsync(),
    generate: (random, runId) => property.generate(random, runId),
    shrink: (value) => property.shrink(value),
    run: (value: T) => {
      onRun();
      return property.run(value);
    },
    runBeforeEach: () => property.runBeforeEach(),
    runAfterEach: () => property.runAfterEach(),
  } as fc.IRawProperty<T>;
}

runCli(async (log) => {
  const { values } = parseArgs({ options: { runs: { type: "string" }, only: { type: "string" } } });
  const args = argsSchema.parse(values);
  let failed = 0;
  const wanted = (name: string) => !args.only || name.toLowerCase().includes(args.only.toLowerCase());
  const search = searchProperty(searchContent, searchSuggestions);
  const databaseProperties: FuzzProperty[] = [];
  let stopDatabase = async () => {};
  if (wanted(search.name) || wanted(FEED_IMPORT_NAME)) {
    log("Starting a throwaway database with the demo content for the properties on the database");
    const server = await startTemporaryServer();
    await createDatabaseIfMissing(server.serverUrl, "fuzz");
    const url = databaseUrlFor(server.serverUrl, "fuzz");
    await applyMigrations(url);
    setDatabaseUrl(url);
    await seedDemoContent();
    databaseProperties.push(search, await feedImportProperty());
    stopDatabase = async () => {
      await prisma.$disconnect();
      await server.stop();
    };
  }
  for (const entry of [...PROPERTIES, ...databaseProperties].filter((entry) => wanted(entry.name))) {
    const runs = args.runs;
    const bar = progressBar(entry.name);
    let done = 0;
    const started = performance.now();
    const counted = countingRuns(entry.property as fc.IRawProperty<[unknown]>, () => bar.update(Math.min((done += 1), runs), runs));
    const result = await fc.check(counted, {
      numRuns: runs,
      timeout: CASE_TIMEOUT_MS,
      interruptAfterTimeLimit: entry.timeLimitMs ?? PROPERTY_LIMIT_MS,
      reporter: undefined,
      asyncReporter: undefined,
      examples: [],
      ...{ markInterruptAsFailure: true },
    });
    done = result.numRuns;
    bar.update(done, runs);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.failed) {
      failed += 1;
      bar.done(
        `FAILED after ${result.numRuns} inputs (${seconds} s): ${result.errorInstance instanceof Error ? result.errorInstance.message.split("\n")[0] : String(result.errorInstance)}`,
      );
      if (result.interrupted) log(`stopped at its time limit: more inputs than fit in it (npm run fuzz -- --runs N --only "${entry.name}")`);
      else log(`smallest failing input: ${String(JSON.stringify(result.counterexample?.[0])).slice(0, 20000)}`);
      if (result.errorInstance instanceof Error) log(`${result.errorInstance.stack?.split("\n").slice(0, 8).join("\n")}`);
      log(`replay: seed ${result.seed}, path "${result.counterexamplePath}"`);
    } else {
      bar.done(`${result.numRuns} inputs, no failure (${seconds} s)`);
    }
  }
  await stopDatabase();
  return failed ? 1 : 0;
});
