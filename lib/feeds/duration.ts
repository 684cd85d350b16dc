const MAX_DURATION_SECONDS = 7 * 24 * 3600;

/** Seconds from an itunes:duration as hosts write it ("3723", "62:03", "1:02:03"); undefined for anything else. */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? clamp(Math.round(value)) : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return clamp(Math.round(Number(text)));
  const parts = text.split(":");
  if (parts.length < 2 || parts.length > 3 || !parts.every((part) => /^\d{1,3}(\.\d+)?$/.test(part))) return undefined;
  const numbers = parts.map(Number);
  const seconds = numbers.pop()!;
  const minutes = numbers.pop()!;
  const hours = numbers.pop() ?? 0;
  if (seconds >= 60 || (parts.length === 3 && minutes >= 60)) return undefined;
  return clamp(Math.round(hours * 3600 + minutes * 60 + seconds));
}

function clamp(seconds: number): number | undefined {
  return seconds <= MAX_DURATION_SECONDS ? seconds : undefined;
}
