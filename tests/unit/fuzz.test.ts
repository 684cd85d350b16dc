// The fuzz properties (tests/fuzz/properties.ts) on a few hundred random inputs each, on every test run, and the
// inputs that once broke something (tests/fixtures/fuzz/, one JSON file per case), replayed as they were.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { PROPERTIES } from "../fuzz/properties";

const RUNS = 300;
const REGRESSIONS = path.resolve("tests/fixtures/fuzz");

describe("fuzz properties", () => {
  it.each(PROPERTIES.map((entry) => [entry.name, entry] as const))("%s", async (_name, entry) => {
    await fc.assert(entry.property as fc.IAsyncProperty<[unknown]>, { numRuns: RUNS });
  });

  const cases = readdirSync(REGRESSIONS).filter((file) => file.endsWith(".json"));
  it.each(cases)("regression %s", async (file) => {
    const { property, input } = JSON.parse(readFileSync(path.join(REGRESSIONS, file), "utf8")) as { property: string; input: unknown };
    const entry = PROPERTIES.find((candidate) => candidate.name === property);
    expect(entry).toBeDefined();
    await fc.assert(entry!.property as fc.IAsyncProperty<[unknown]>, { examples: [[input]], numRuns: 1 });
  });
});
