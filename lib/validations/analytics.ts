import "server-only";
import { z } from "zod";

// What the site's pages send to /api/events (components/analytics). Anything else is refused whole.
const path = z
  .string()
  .max(300)
  .regex(/^\/[A-Za-z0-9\-._~%/]*$/);
const slug = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9\-._~%]+$/);
const label = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[\p{L}\p{N} .&+'-]+$/u);
const second = z.number().int().min(0).max(86_400);

/** An episode's id as the database makes them (a cuid, or a UUID from a feed import). */
export const EPISODE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const MAX_EVENTS_PER_BEACON = 50;
// A listen chunk is sent at least every few seconds; ten minutes allows for a tab the browser held back at 3x speed.
export const MAX_CHUNK_SECONDS = 600;

export const analyticsEventSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("view"),
    path,
    referrer: z.string().max(2000).optional(),
    campaign: z.string().max(100).optional(),
  }),
  z.strictObject({ kind: z.literal("play"), episode: slug }),
  z
    .strictObject({ kind: z.literal("listen"), episode: slug, from: second, to: second })
    .refine((chunk) => chunk.to > chunk.from && chunk.to - chunk.from <= MAX_CHUNK_SECONDS, "a chunk runs forward, at most ten minutes"),
  z.strictObject({ kind: z.literal("quartile"), episode: slug, quartile: z.union([z.literal(25), z.literal(50), z.literal(75), z.literal(100)]) }),
  z.strictObject({ kind: z.literal("platform"), path, platform: label }),
  z.strictObject({ kind: z.literal("share"), path, network: label }),
  z.strictObject({ kind: z.literal("signup"), path }),
]);

export const beaconSchema = z.strictObject({ events: z.array(analyticsEventSchema).min(1).max(MAX_EVENTS_PER_BEACON) });

export type AnalyticsEventInput = z.infer<typeof analyticsEventSchema>;

export const analyticsRangeSchema = z.enum(["24h", "7d", "30d", "90d", "365d"]).catch("30d");

export const analyticsExportSchema = z.object({
  table: z.enum(["periods", "episodes", "stories", "pages", "sources", "platforms", "shares", "signups", "listening"]),
  range: analyticsRangeSchema,
  episode: z.string().regex(EPISODE_ID).optional(),
});
