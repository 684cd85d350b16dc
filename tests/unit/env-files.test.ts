import { afterEach, describe, expect, it } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadEnvFiles } from "../../scripts/cli";

const NAMES = ["SHOWFRONT_ENV_FILE_TEST", "SHOWFRONT_ENV_FILE_LOCAL", "SHOWFRONT_ENV_FILE_SET"] as const;

const jestNodeEnv = process.env.NODE_ENV;
// Next's types make NODE_ENV read-only; the test sets it as a shell would.
const environment = process.env as Record<string, string | undefined>;

afterEach(() => {
  for (const name of NAMES) delete process.env[name];
  environment.NODE_ENV = jestNodeEnv;
});

describe(".env files for the launcher and the CLIs", () => {
  it("reads .env and .env.local as Next does, and never overrides what the environment sets", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "showfront-env-"));
    writeFileSync(path.join(folder, ".env"), "SHOWFRONT_ENV_FILE_TEST=from-env\nSHOWFRONT_ENV_FILE_LOCAL=from-env\nSHOWFRONT_ENV_FILE_SET=from-env\n");
    writeFileSync(path.join(folder, ".env.local"), "SHOWFRONT_ENV_FILE_LOCAL=from-local\n");
    process.env.SHOWFRONT_ENV_FILE_SET = "from-shell";
    // Under NODE_ENV=test (Jest's) Next leaves .env.local out, as it does for any test run.
    environment.NODE_ENV = "development";
    const files = loadEnvFiles(folder, "development");
    expect(files).toEqual([".env.local", ".env"]);
    expect(process.env.SHOWFRONT_ENV_FILE_TEST).toBe("from-env");
    expect(process.env.SHOWFRONT_ENV_FILE_LOCAL).toBe("from-local");
    expect(process.env.SHOWFRONT_ENV_FILE_SET).toBe("from-shell");
  });
});
