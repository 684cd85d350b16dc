import Link from "next/link";
import { SearchBox } from "./search-box";

export interface SiteHeaderProps {
  showName: string;
}

const NAVIGATION = [
  { href: "/episodes", label: "Episodes" },
  { href: "/stories", label: "Stories" },
  { href: "/search", label: "Search" },
  { href: "/account", label: "Account" },
] as const;

export function SiteHeader({ showName }: SiteHeaderProps) {
  return (
    <header className="bg-ink text-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-4 sm:px-6">
        <Link href="/" className="font-display text-2xl font-bold tracking-tight hover:text-orange-200">
          {showName}
        </Link>
        <nav aria-label="Main">
          <ul className="flex gap-5 text-sm font-semibold uppercase tracking-wide">
            {NAVIGATION.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="hover:text-orange-200">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <SearchBox />
      </div>
    </header>
  );
}
