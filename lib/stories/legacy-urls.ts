// Where a WordPress address (post, page, category, tag, author, date archive, feed) lives on this site; null if nowhere.
import "server-only";
import { z } from "zod";
import { getPerson } from "@/lib/people/people";
import { slugify } from "@/lib/text/slug";
import { storiesSearchParamsSchema } from "@/lib/validations/params";
import { currentStorySlug, getCategory, getTag } from "./stories";

const text = z.string().max(400).optional().catch(undefined);

export const legacyQuerySchema = z.object({
  p: z.coerce.number().int().min(1).max(2_147_483_647).optional().catch(undefined),
  slug: text,
  category: text,
  tag: text,
  author: text,
  period: text,
  // ?m=2024, 202406 or 20240618: the date archive in WordPress's plain links.
  m: z
    .string()
    .regex(/^\d{4}(\d{2}){0,2}$/)
    .transform((value) => [value.slice(0, 4), value.slice(4, 6), value.slice(6, 8)].filter(Boolean).join("-"))
    .optional()
    .catch(undefined),
  feed: z.literal("site").optional().catch(undefined),
});

export type LegacyQuery = z.infer<typeof legacyQuerySchema>;

/** A term's address as its last part ("parent/child" → "child") and the page of its list ("x/page/2" → 2). */
function termPath(path: string): { slug: string; page?: number } {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a malformed escape: use the address as it came
  }
  const parts = decoded.split("/").filter(Boolean);
  if (parts.at(-1) === "feed") parts.pop();
  const page = parts.length > 2 && parts.at(-2) === "page" && /^\d{1,5}$/.test(parts.at(-1)!) ? Number(parts.splice(-2)[1]) : undefined;
  return { slug: slugify(parts.at(-1) ?? ""), page: page && page > 1 ? page : undefined };
}

const lastPart = (path: string) => termPath(path).slug;
const withPage = (path: string, page: number | undefined) => (page ? `${path}?page=${page}` : path);

export async function legacyWordPressTarget(query: LegacyQuery): Promise<string | null> {
  if (query.p !== undefined) {
    const slug = await currentStorySlug({ wpPostId: query.p });
    return slug && `/stories/${slug}`;
  }
  if (query.slug) {
    const slug = await currentStorySlug({ oldSlug: lastPart(query.slug) });
    return slug && `/stories/${slug}`;
  }
  if (query.category) {
    const { slug, page } = termPath(query.category);
    const category = await getCategory(slug);
    return category && withPage(`/stories/category/${category.slug}`, page);
  }
  if (query.tag) {
    const { slug, page } = termPath(query.tag);
    const tag = await getTag(slug);
    return tag && withPage(`/stories/tag/${tag.slug}`, page);
  }
  if (query.author) {
    const person = await getPerson(lastPart(query.author));
    return person && `/people/${person.slug}`;
  }
  const period = storiesSearchParamsSchema.shape.period.parse(query.period ?? query.m);
  if (period) return `/stories?period=${period}`;
  if (query.feed) return "/stories/feed.xml";
  return null;
}
