import type { Metadata } from "next";

export const metadata: Metadata = { title: "Admin · Showfront", robots: { index: false, follow: false } };

// Admin pages show the database as it is now, never a cached copy.
export const dynamic = "force-dynamic";

export default function AdminRootLayout({ children }: { children: React.ReactNode }) {
  return <div className="min-h-screen bg-gray-50">{children}</div>;
}
