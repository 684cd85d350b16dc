// The weekly digest's slot: a weekday and hour on a zone's clock, through its changes to and from summer time.
import { describe, expect, it } from "@jest/globals";
import { latestDigestSlot, nextDigestSlot, TIME_ZONES } from "@/lib/newsletter/schedule";

const at = (iso: string) => new Date(iso);
const berlinMonday9 = { weekday: 1, hour: 9, timeZone: "Europe/Berlin" };

describe("the digest's slot", () => {
  it("is the latest Monday 09:00 in Berlin at or before now, and the next one after", () => {
    expect(latestDigestSlot(at("2026-12-05T23:00:00Z"), berlinMonday9).toISOString()).toBe("2026-11-30T08:00:00.000Z");
    expect(nextDigestSlot(at("2026-12-05T23:00:00Z"), berlinMonday9).toISOString()).toBe("2026-12-07T08:00:00.000Z");
    // The slot's own minute is due; a minute before, the week before's is the latest.
    expect(latestDigestSlot(at("2026-12-07T08:00:00Z"), berlinMonday9).toISOString()).toBe("2026-12-07T08:00:00.000Z");
    expect(latestDigestSlot(at("2026-12-07T07:59:59Z"), berlinMonday9).toISOString()).toBe("2026-11-30T08:00:00.000Z");
  });

  it("keeps the hour on the zone's clock across summer time", () => {
    // Berlin moves to summer time on Sunday 29 March 2026: Monday 09:00 is 08:00 UTC before, 07:00 UTC after.
    expect(nextDigestSlot(at("2026-03-24T12:00:00Z"), berlinMonday9).toISOString()).toBe("2026-03-30T07:00:00.000Z");
    expect(latestDigestSlot(at("2026-03-30T06:59:00Z"), berlinMonday9).toISOString()).toBe("2026-03-23T08:00:00.000Z");
    expect(nextDigestSlot(at("2026-10-20T12:00:00Z"), berlinMonday9).toISOString()).toBe("2026-10-26T08:00:00.000Z");
  });

  it("moves an hour the clocks skip to the moment they jump past it", () => {
    // New York skips 02:00–03:00 on Sunday 8 March 2026: a Sunday 02:30 slot cannot be, 03:00 EDT (07:00 UTC) is.
    const sunday2 = { weekday: 0, hour: 2, timeZone: "America/New_York" };
    expect(nextDigestSlot(at("2026-03-02T12:00:00Z"), sunday2).toISOString()).toBe("2026-03-08T07:00:00.000Z");
    expect(nextDigestSlot(at("2026-03-09T12:00:00Z"), sunday2).toISOString()).toBe("2026-03-15T06:00:00.000Z");
  });

  it("works east of UTC where the zone's day starts before UTC's", () => {
    const aucklandMonday6 = { weekday: 1, hour: 6, timeZone: "Pacific/Auckland" };
    // Monday 06:00 in Auckland (UTC+13 in December) is Sunday 17:00 UTC.
    expect(nextDigestSlot(at("2026-12-05T23:00:00Z"), aucklandMonday6).toISOString()).toBe("2026-12-06T17:00:00.000Z");
  });

  it("offers UTC first and the zones Intl knows", () => {
    expect(TIME_ZONES[0]).toBe("UTC");
    expect(TIME_ZONES).toEqual(expect.arrayContaining(["Europe/Berlin", "America/New_York", "Asia/Tokyo"]));
  });
});
