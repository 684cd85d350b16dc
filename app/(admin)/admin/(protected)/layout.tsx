import Link from "next/link";
import { requireModerator } from "@/lib/auth/admin-session";
import { signOut } from "@/lib/admin/actions";

export default async function ProtectedAdminLayout({ children }: { children: React.ReactNode }) {
  // A convenience only: every page, action and data function checks the viewer itself, since a layout's redirect
  // does not stop a page rendered beside it. Moderators come in for the comment queue.
  const admin = (await requireModerator()).role === "ADMIN";
  return (
    <>
      <header className="bg-ink text-white">
        {/* Wraps on a phone rather than running off the screen. */}
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3">
          <nav aria-label="Admin" className="flex flex-wrap gap-x-5 gap-y-2 text-sm font-semibold">
            {admin ? (
              <>
                <Link href="/admin">Dashboard</Link>
                <Link href="/admin/feeds">Feeds</Link>
                <Link href="/admin/stories">Stories</Link>
                <Link href="/admin/links">Links to review</Link>
                <Link href="/admin/newsletter">Newsletter</Link>
                <Link href="/admin/analytics">Analytics</Link>
                <Link href="/admin/people">People</Link>
              </>
            ) : null}
            <Link href="/admin/comments">Comments</Link>
            <Link href="/">View site</Link>
          </nav>
          <form action={signOut}>
            <button type="submit" className="text-sm underline">
              Sign out
            </button>
          </form>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </>
  );
}
