import Link from "next/link";
import { redirect } from "next/navigation";
import { BarChart } from "@/components/admin/bar-chart";
import { dashboard } from "@/lib/admin/dashboard";
import { adminViewer } from "@/lib/auth/admin-session";
import { formatDate } from "@/lib/text/format";

const weekLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

// Moderators come in for the comment queue; admins land here, on what needs them.
export default async function AdminHomePage() {
  const admin = await adminViewer();
  if (!admin) redirect("/admin/comments");
  const board = await dashboard(admin);
  const attention = [
    { count: board.heldComments, label: board.heldComments === 1 ? "comment waits for a moderator" : "comments wait for a moderator", href: "/admin/comments" },
    { count: board.reportedComments, label: board.reportedComments === 1 ? "reported comment" : "reported comments", href: "/admin/comments" },
    { count: board.linksToReview, label: board.linksToReview === 1 ? "link to review" : "links to review", href: "/admin/links" },
    { count: board.failedRuns, label: `failed syncs in the last ${board.recentRunDays} days`, href: "/admin/feeds#runs" },
    { count: board.suspiciousRuns, label: `syncs that looked wrong in the last ${board.recentRunDays} days`, href: "/admin/feeds#runs" },
    { count: board.pausedSources, label: board.pausedSources === 1 ? "source switched off" : "sources switched off", href: "/admin/feeds" },
  ];
  const waiting = attention.filter((item) => item.count > 0);
  const confirmedThisWeek = board.subscribers.growth.at(-1)?.confirmed ?? 0;
  return (
    <div className="space-y-10">
      <h1 className="font-display text-3xl font-bold">Dashboard</h1>
      <section aria-labelledby="attention">
        <h2 id="attention" className="font-display text-2xl font-bold">
          Needs you
        </h2>
        {waiting.length ? (
          <ul className="mt-3 grid gap-3 sm:grid-cols-2">
            {waiting.map((item) => (
              <li key={item.label}>
                <Link href={item.href} className="flex items-baseline gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-amber-300 hover:ring-accent">
                  <span className="font-display text-3xl font-bold">{item.count}</span>
                  <span>{item.label}</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-gray-600">Nothing waits for you.</p>
        )}
      </section>
      <section aria-labelledby="audience" className="grid gap-4 sm:grid-cols-2">
        <h2 id="audience" className="font-display text-2xl font-bold sm:col-span-2">
          Newsletter
        </h2>
        <div className="rounded-lg bg-white p-4 shadow-sm">
          <p>
            <span className="font-display text-3xl font-bold">{board.subscribers.counts.CONFIRMED}</span> subscribers, {confirmedThisWeek} new this week
          </p>
          <p className="mt-2 text-sm text-gray-600">
            {board.lastIssue?.sentAt
              ? `Last issue: "${board.lastIssue.subject}", sent ${formatDate(board.lastIssue.sentAt)} to ${board.lastIssue._count.deliveries}.`
              : "No issue sent yet."}{" "}
            <Link href="/admin/newsletter/issues" className="underline">
              Compose one
            </Link>
          </p>
          <p className="mt-2 text-sm text-gray-600">Next digest: {board.nextDigest ?? "off"}</p>
        </div>
        <BarChart
          title="New subscribers, week by week"
          valueLabel="New subscribers"
          bars={board.subscribers.growth.map((week) => ({ label: weekLabel.format(week.week), value: week.confirmed }))}
        />
      </section>
    </div>
  );
}
