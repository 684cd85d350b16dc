// Text as Postgres takes it: no NUL, no lone surrogate (one used to abort a whole import). The Prisma client passes
// every argument through postgresSafe (lib/db.ts); raw JSON writes call it themselves.
import "server-only";

const REPLACEMENT = "\uFFFD";

/** The text with NUL and lone surrogates replaced by U+FFFD (the same string when there is nothing to replace). */
export function postgresSafeText(text: string): string {
  const wellFormed = text.isWellFormed() ? text : text.toWellFormed();
  return wellFormed.includes("\0") ? wellFormed.replaceAll("\0", REPLACEMENT) : wellFormed;
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Every string inside plain objects and arrays made Postgres-safe; Dates, BigInts, Buffers and the rest kept. */
export function postgresSafe<T>(value: T): T {
  if (typeof value === "string") return postgresSafeText(value) as T;
  if (Array.isArray(value)) {
    let changed: unknown[] | undefined;
    value.forEach((entry, index) => {
      const safe = postgresSafe(entry);
      if (safe !== entry) (changed ??= [...value])[index] = safe;
    });
    return (changed ?? value) as T;
  }
  if (value && typeof value === "object" && isPlainObject(value)) {
    let changed: Record<string, unknown> | undefined;
    for (const [key, entry] of Object.entries(value)) {
      const safe = postgresSafe(entry);
      if (safe !== entry) (changed ??= { ...value })[key] = safe;
    }
    return (changed ?? value) as T;
  }
  return value;
}

/** At most `max` UTF-16 units of `text`, never ending inside a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
