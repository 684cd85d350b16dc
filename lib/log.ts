// Structured logs, one JSON object per line (pino). Each request is one "request" line with its x-request-id, as is a
// failure in Next. LOG_LEVEL is read raw so logging works while a wrong variable elsewhere is being reported.
import "server-only";
import pino from "pino";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

function level(): string {
  const wanted = process.env.LOG_LEVEL?.trim().toLowerCase();
  return wanted && (LOG_LEVELS as readonly string[]).includes(wanted) ? wanted : "info";
}

export const logger = pino({ level: level(), base: { service: "showfront" }, timestamp: pino.stdTimeFunctions.isoTime });

// A request id from outside is kept only when it is short and plain: it ends up in every log line.
const REQUEST_ID = /^[\w.:-]{1,64}$/;

export function requestIdFrom(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  return value && REQUEST_ID.test(value) ? value : undefined;
}
