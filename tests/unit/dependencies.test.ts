import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";

const installed = (name: string): string => JSON.parse(readFileSync(path.resolve("node_modules", name, "package.json"), "utf8")).version;
const declared = JSON.parse(readFileSync("package.json", "utf8")) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: { node: string };
};

describe("Prisma's packages", () => {
  const PACKAGES = ["prisma", "@prisma/client", "@prisma/adapter-pg", "@prisma/driver-adapter-utils"];

  it("are pinned to one release, as declared and as installed", () => {
    const versions = PACKAGES.map((name) => declared.dependencies[name] ?? declared.devDependencies[name]);
    expect(new Set(versions).size).toBe(1);
    expect(versions[0]).toMatch(/^\d+\.\d+\.\d+$/);
    expect(PACKAGES.map(installed)).toEqual(versions);
  });

  it("migrate with the schema engine built from the same engines commit as the CLI's", () => {
    // @prisma/engines-version is `<release>-<n>.<engines commit>`, and so is each build of the wasm schema engine.
    expect(installed("@prisma/schema-engine-wasm")).toBe(installed("@prisma/engines-version"));
    expect(declared.dependencies["@prisma/schema-engine-wasm"]).toBe(installed("@prisma/engines-version"));
  });
});

describe("Node", () => {
  it("is required in the versions Prisma runs on, no wider", () => {
    const prisma = JSON.parse(readFileSync(path.resolve("node_modules/prisma/package.json"), "utf8")) as { engines: { node: string } };
    expect(declared.engines.node).toBe(prisma.engines.node);
  });
});
