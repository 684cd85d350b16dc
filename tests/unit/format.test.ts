import { describe, expect, it } from "@jest/globals";
import { episodeLabel, formatDate, formatDuration, isoDuration } from "@/lib/text/format";

describe("formatting for people", () => {
  it("writes durations in minutes and hours", () => {
    expect(formatDuration(3492)).toBe("58 min");
    expect(formatDuration(3880)).toBe("1 h 5 min");
    expect(formatDuration(42)).toBe("1 min");
    expect(formatDuration(20)).toBe("20 s");
    expect(formatDuration(null)).toBe("");
  });

  it("writes ISO 8601 durations for machines", () => {
    expect(isoDuration(3723)).toBe("PT1H2M3S");
    expect(isoDuration(3600)).toBe("PT1H");
    expect(isoDuration(0)).toBe("PT0S");
  });

  it("dates in UTC, so a server's time zone never shifts them", () => {
    expect(formatDate(new Date("2026-11-17T00:30:00Z"))).toBe("November 17, 2026");
  });

  it("labels seasons, numbers and special episodes", () => {
    expect(episodeLabel({ season: 2, number: 8, episodeType: "FULL" })).toBe("S2 · E8");
    expect(episodeLabel({ season: null, number: 8, episodeType: "FULL" })).toBe("E8");
    expect(episodeLabel({ season: 2, number: null, episodeType: "TRAILER" })).toBe("S2 · Trailer");
    expect(episodeLabel({ season: null, number: null, episodeType: "BONUS" })).toBe("Bonus");
  });
});
