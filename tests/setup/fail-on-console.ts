// A console.error or console.warn in a test fails it: noise hides real problems. A test that expects one says so
// with jest.spyOn(console, "error").mockImplementation(() => {}).
import { afterEach, beforeEach, jest } from "@jest/globals";

for (const level of ["error", "warn"] as const) {
  beforeEach(() => {
    jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      throw new Error(`console.${level} was called during the test: ${args.map(String).join(" ")}`);
    });
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });
}
