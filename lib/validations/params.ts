// Route params and search params are input like any other.
import "server-only";
import { z } from "zod";

export const SEARCH_QUERY_MAX = 200;

export const slugParamSchema = z.object({
  slug: z
    .string()
    .max(200)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
});

export const pageSearchParamsSchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

/** /stories?period=2026, 2026-11 or 2026-11-18: a year, month or day of stories (WordPress's date archives). */
export const storiesSearchParamsSchema = pageSearchParamsSchema.extend({
  period: z
    .string()
    .regex(/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/)
    .optional()
    .catch(undefined),
});

// A show to filter by: a wrong or unknown value means no filter, not an error page.
const showFilter = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .optional()
  .catch(undefined);

export const episodesSearchParamsSchema = pageSearchParamsSchema.extend({
  show: showFilter,
  season: z.coerce.number().int().min(0).max(100_000).optional().catch(undefined),
});

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .transform((value) => new Date(`${value}T00:00:00Z`))
  .refine((date) => !Number.isNaN(date.getTime()))
  .optional()
  .catch(undefined);

/** /search: the query (too long is an error the page shows), what to search, and filters that fall back quietly. */
export const searchSearchParamsSchema = z.object({
  q: z.string().trim().max(SEARCH_QUERY_MAX, `Search for at most ${SEARCH_QUERY_MAX} characters.`).optional(),
  type: z.enum(["all", "episodes", "stories"]).catch("all").default("all"),
  show: showFilter,
  from: day,
  to: day,
  page: z.coerce.number().int().min(1).max(50).catch(1).default(1),
});

export const suggestSearchParamsSchema = z.object({ q: z.string().trim().min(1).max(SEARCH_QUERY_MAX) });

/** The record a [slug] route names, or null when its slug is malformed or unknown: both are a 404. */
export async function findBySlug<T>(params: Promise<unknown>, find: (slug: string) => Promise<T | null>): Promise<T | null> {
  const parsed = slugParamSchema.safeParse(await params);
  return parsed.success ? find(parsed.data.slug) : null;
}

/** Next gives a search param as a string, an array for repeats, or nothing: keep the first. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(params).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
}

// Where to go after signing in: a path on this site only, never another site.
export const signInParamsSchema = z.object({
  callbackUrl: z
    .string()
    .max(500)
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .catch("/")
    .default("/"),
  error: z.string().max(100).optional().catch(undefined),
});
