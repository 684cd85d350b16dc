import { PageViews } from "@/components/analytics/page-views";
import { PlayerProvider } from "@/components/player/player-provider";
import { SiteFooter } from "@/components/site/site-footer";
import { SiteHeader } from "@/components/site/site-header";
import { siteShow } from "@/lib/cache/reads";

// The site-wide player lives here: this layout stays mounted while a listener moves between public pages, so
// playback goes on; the admin and the embeddable player (other layouts) have no use for it.
export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const show = await siteShow();
  const name = show?.title ?? "Showfront";
  return (
    <PlayerProvider>
      <PageViews />
      <div className="flex min-h-screen flex-col">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <SiteHeader showName={name} />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
          {children}
        </main>
        <SiteFooter showName={name} description={show?.description} />
      </div>
    </PlayerProvider>
  );
}
