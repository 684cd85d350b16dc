// Where a WordPress address lives on this site: a post by its id (?p=, ?page_id=), a post by its slug (date
// permalinks), a category (nested ones by their last part) or a tag. Null when nothing here matches.
import { z } from "zod";
import { slugify } from "@/lib/slug";
import { currentStorySlug, getCategory, getTag } from "./stories";

export const legacyQuerySchema = z.object({
  p: z.coerce.number().int().min(1).max(2_147_483_647).optional().catch(undefined),
  slug: z.string().max(400).optional().catch(undefined),
  category: z.string().max(400).optional().catch(undefined),
  tag: z.string().max(400).optional().catch(undefined),
});

export type LegacyQuery = z.infer<typeof legacyQuerySchema>;

function lastPart(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // a malformed escape: use the address as it came
  }
  return slugify(decoded.split("/").filter(Boolean).at(-1) ?? "");
}

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
    const category = await getCategory(lastPart(query.category));
    return category && `/stories/category/${category.slug}`;
  }
  if (query.tag) {
    const tag = await getTag(lastPart(query.tag));
    return tag && `/stories/tag/${tag.slug}`;
  }
  return null;
}
