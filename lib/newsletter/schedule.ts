// The weekly digest's slot: a weekday and an hour on the admin's time zone's clock, turned into instants by the
// zone's own rules (Intl), so a change to summer time moves the instant, never the hour subscribers see.
import "server-only";
export interface DigestSchedule {
  /** 0 Sunday … 6 Saturday. */
  weekday: number;
  hour: number;
  timeZone: string;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;

/** Every zone the admin can pick, UTC first. */
export const TIME_ZONES: readonly string[] = ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")];

// A wall-clock reading is kept as the milliseconds those fields would have in UTC, so days and hours add simply.
function wallClock(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const field = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((part) => part.type === type)!.value);
  return Date.UTC(field("year"), field("month") - 1, field("day"), field("hour"), field("minute"), field("second"));
}

// The offset at a first guess can differ from the one at the answer near a clock change, hence two steps. An hour
// the change skips has no instant: it comes out as the moment the clocks jump past it.
function instantAt(wall: number, timeZone: string): number {
  const first = wall - (wallClock(wall, timeZone) - wall);
  const second = wall - (wallClock(first, timeZone) - first);
  return wallClock(second, timeZone) === wall ? second : Math.max(first, second);
}

// The latest slot at or before `now`, on the zone's clock.
function latestSlotWall(now: Date, schedule: DigestSchedule): number {
  const wall = wallClock(now.getTime(), schedule.timeZone);
  const daysBack = (new Date(wall).getUTCDay() - schedule.weekday + 7) % 7;
  const slotWall = wall - (wall % DAY) - daysBack * DAY + schedule.hour * HOUR;
  return instantAt(slotWall, schedule.timeZone) > now.getTime() ? slotWall - WEEK : slotWall;
}

export function latestDigestSlot(now: Date, schedule: DigestSchedule): Date {
  return new Date(instantAt(latestSlotWall(now, schedule), schedule.timeZone));
}

export function nextDigestSlot(now: Date, schedule: DigestSchedule): Date {
  return new Date(instantAt(latestSlotWall(now, schedule) + WEEK, schedule.timeZone));
}
