// Data the public pages read, kept in Next's cache under tags (tags.ts), so a page rendered per request reads the
// database only after a change. Next stores results as JSON: dates are carried through it as dates.
import "server-only";
import { unstable_cache } from "next/cache";

// However quiet the site, data is read again this often: a story scheduled for 10:00 is listed by 10:01.
const REFRESH_SECONDS = 60;

export function cached<Args extends unknown[], Result>(
  name: string,
  tags: string[],
  read: (...args: Args) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  const stored = unstable_cache(async (...args: Args) => JSON.stringify(await read(...args), keepDates), [name], { tags, revalidate: REFRESH_SECONDS });
  return async (...args) => JSON.parse(await stored(...args), reviveDates) as Result;
}

const DATE = "$date";

function keepDates(this: Record<string, unknown>, key: string, value: unknown) {
  const raw = this[key];
  return raw instanceof Date ? { [DATE]: raw.toISOString() } : value;
}

function reviveDates(_key: string, value: unknown) {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const text = (value as Record<string, unknown>)[DATE];
    if (keys.length === 1 && typeof text === "string") return new Date(text);
  }
  return value;
}
