// Names shared by every way stories come in (the editor, feeds, WordPress): categories and tags found or created by
// their slug, and slugs no story holds now or held before.
import "server-only";
import type { Prisma } from "@/lib/db";
import { slugify } from "@/lib/text/slug";

const BATCH = 500;

/** Category or tag rows for labels, found by slug or created, in batches: slug → id. */
export async function upsertLabels(
  tx: Prisma.TransactionClient,
  table: "Category" | "Tag",
  labels: { slug?: string; name: string }[],
): Promise<Map<string, string>> {
  const unique = [...new Map(labels.map((label) => [slugify(label.slug || label.name), label.name])).entries()].map(([slug, name]) => ({ slug, name }));
  const ids = new Map<string, string>();
  for (let start = 0; start < unique.length; start += BATCH) {
    const json = JSON.stringify(unique.slice(start, start + BATCH));
    const rows =
      table === "Category"
        ? await tx.$queryRaw<{ id: string; slug: string }[]>`
            INSERT INTO "Category" ("id", "slug", "name") SELECT 'c' || md5(random()::text || l.slug), l.slug, l.name FROM jsonb_to_recordset(${json}::jsonb) AS l(slug text, name text)
            ON CONFLICT ("slug") DO UPDATE SET "slug" = EXCLUDED."slug" RETURNING "id", "slug"`
        : await tx.$queryRaw<{ id: string; slug: string }[]>`
            INSERT INTO "Tag" ("id", "slug", "name") SELECT 't' || md5(random()::text || l.slug), l.slug, l.name FROM jsonb_to_recordset(${json}::jsonb) AS l(slug text, name text)
            ON CONFLICT ("slug") DO UPDATE SET "slug" = EXCLUDED."slug" RETURNING "id", "slug"`;
    for (const row of rows) ids.set(row.slug, row.id);
  }
  return ids;
}

/** Hands out free slugs for many new stories in one go: read the taken ones once, then `base`, `base-2`, … */
export async function slugPicker(tx: Prisma.TransactionClient): Promise<(title: string) => string> {
  const taken = new Set([
    ...(await tx.story.findMany({ select: { slug: true } })).map((row) => row.slug),
    ...(await tx.storySlugRedirect.findMany({ select: { slug: true } })).map((row) => row.slug),
  ]);
  return (title) => {
    const base = slugify(title);
    let slug = base;
    for (let suffix = 2; taken.has(slug); suffix += 1) slug = `${base.slice(0, 75)}-${suffix}`;
    taken.add(slug);
    return slug;
  };
}
