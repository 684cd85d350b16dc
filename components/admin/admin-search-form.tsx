export interface AdminSearchFormProps {
  /** What the search box finds, as its label ("Address or name"). */
  label: string;
  query: string | undefined;
  submitLabel?: string;
  /** More filters, between the search box and the button. */
  children?: React.ReactNode;
  /** After the button (an export link). */
  after?: React.ReactNode;
  className?: string;
}

/** An admin list's search: a GET form, so the address keeps the search and works without JavaScript. */
export function AdminSearchForm({ label, query, submitLabel = "Find", children, after, className = "" }: AdminSearchFormProps) {
  return (
    <form method="get" className={`flex flex-wrap items-end gap-3 ${className}`}>
      <label className="text-sm font-semibold">
        {label}
        <input name="q" type="search" defaultValue={query} className="mt-1 block rounded-md border border-gray-300 px-3 py-1.5 font-normal" />
      </label>
      {children}
      <button type="submit" className="rounded-md bg-ink px-3 py-1.5 text-sm font-semibold text-white">
        {submitLabel}
      </button>
      {after}
    </form>
  );
}
