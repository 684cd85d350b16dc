import Link from "next/link";
import type { Snippet } from "@/lib/search/search";

export interface SearchHitProps {
  href: string;
  kind: string;
  title: string;
  meta: string;
  snippet: Snippet;
  /** A transcript hit: the moment it is said, and where that plays. */
  moment?: { label: string; href: string };
}

/** One search result: what it is, its title, and the words that matched, marked. Snippets are text, never HTML. */
export function SearchHit({ href, kind, title, meta, snippet, moment }: SearchHitProps) {
  return (
    <li className="rounded-xl bg-white p-4 shadow-sm ring-1 ring-black/5">
      <p className="text-xs font-semibold uppercase tracking-widest text-accent-dark">{kind}</p>
      <h3 className="mt-1 font-display text-lg font-bold">
        <Link href={href} className="hover:underline">
          {title}
        </Link>
      </h3>
      <p className="text-sm text-muted">{meta}</p>
      {snippet.length ? (
        <p className="mt-2 text-sm">
          {snippet.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>))}
        </p>
      ) : null}
      {moment ? (
        <p className="mt-2 text-sm">
          <Link href={moment.href} className="font-semibold text-accent-dark underline">
            Said at {moment.label}: play from there
          </Link>
        </p>
      ) : null}
    </li>
  );
}
