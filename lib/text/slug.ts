import "server-only";
const MAX_SLUG_LENGTH = 80;

/** A URL slug from any title ("Lena's Café!" → "lenas-cafe"); apostrophes go without a hyphen, as WordPress drops them. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/['\u2019]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, "");
  return slug || "untitled";
}

/** The first of `base`, `base-2`, `base-3`… that `isTaken` rejects. */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean> | boolean): Promise<string> {
  for (let suffix = 1; ; suffix += 1) {
    const candidate = suffix === 1 ? base : `${base.slice(0, MAX_SLUG_LENGTH - String(suffix).length - 1)}-${suffix}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
