import Link from "next/link";

export interface PaginationProps {
  page: number;
  pageCount: number;
  basePath: string;
  /** Filters to keep from page to page. */
  query?: Record<string, string | number | undefined>;
}

export function Pagination({ page, pageCount, basePath, query = {} }: PaginationProps) {
  if (pageCount <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(key, String(value));
    if (target > 1) params.set("page", String(target));
    const search = params.toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  const link = "rounded-full px-4 py-2 font-semibold ring-1 ring-black/10 hover:bg-white";
  return (
    <nav aria-label="Pages" className="mt-8 flex items-center justify-center gap-4">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          ← Newer
        </Link>
      ) : null}
      <span className="text-sm text-muted">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={link} rel="next">
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
