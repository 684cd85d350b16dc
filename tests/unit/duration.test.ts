import { describe, expect, it } from "@jest/globals";
import { parseDuration } from "@/lib/feeds/duration";

describe("parseDuration", () => {
  it.each([
    ["3723", 3723],
    ["3723.6", 3724],
    ["62:03", 3723],
    ["1:02:03", 3723],
    [" 01:02:03 ", 3723],
    ["00:22:05", 1325],
    ["0:45", 45],
  ])("reads %j as %i seconds", (input, seconds) => {
    expect(parseDuration(input)).toBe(seconds);
  });

  it.each(["", "abc", "1:2:3:4", "12:75", "1:60:00", "-5", "1h 5m", "99999999999"])("rejects %j", (input) => {
    expect(parseDuration(input)).toBeUndefined();
  });

  it("accepts numbers from parsers that already converted the value", () => {
    expect(parseDuration(90)).toBe(90);
    expect(parseDuration(Number.NaN)).toBeUndefined();
  });
});
