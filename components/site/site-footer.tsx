import Link from "next/link";

export interface SiteFooterProps {
  showName: string;
  description?: string;
}

export function SiteFooter({ showName, description }: SiteFooterProps) {
  return (
    <footer className="mt-16 bg-ink text-gray-300">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-10 sm:grid-cols-[2fr_1fr] sm:px-6">
        <div>
          <p className="font-display text-xl font-bold text-white">{showName}</p>
          {description ? <p className="mt-2 max-w-prose text-sm leading-relaxed">{description}</p> : null}
        </div>
        <nav aria-label="Footer">
          <ul className="space-y-2 text-sm">
            <li>
              <Link href="/episodes" className="hover:text-white">
                All episodes
              </Link>
            </li>
            <li>
              <Link href="/stories" className="hover:text-white">
                Stories
              </Link>
            </li>
            <li>
              <Link href="/search" className="hover:text-white">
                Search
              </Link>
            </li>
          </ul>
        </nav>
      </div>
      <p className="border-t border-white/10 py-4 text-center text-xs text-gray-400">
        © {new Date().getFullYear()} {showName} · Powered by Showfront
      </p>
    </footer>
  );
}
