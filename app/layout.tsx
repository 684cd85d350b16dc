import type { Metadata, Viewport } from "next";
import "./globals.css";
import { getEnv } from "@/lib/env";
import { SITE_FEEDS } from "@/lib/syndication/links";

export const metadata: Metadata = {
  metadataBase: new URL(getEnv().SITE_URL),
  title: { default: "Showfront", template: "%s" },
  description: "Episodes, stories and conversation from the show.",
  alternates: { types: SITE_FEEDS },
  openGraph: { images: [{ url: "/og/site", width: 1200, height: 630 }] },
  twitter: { card: "summary_large_image", images: ["/og/site"] },
};

export const viewport: Viewport = {
  themeColor: "#14161c",
  width: "device-width",
  initialScale: 1,
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-paper font-sans text-ink antialiased">{children}</body>
    </html>
  );
}
