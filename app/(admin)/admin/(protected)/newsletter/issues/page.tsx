import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { NewsletterScheduleForm } from "@/components/admin/newsletter-schedule-form";
import { scheduleOverview } from "@/lib/newsletter/automation";
import { listIssues } from "@/lib/newsletter/issues";
import { composeNewsletterIssue, saveNewsletterSchedule } from "@/lib/newsletter/actions";
import { requireAdmin } from "@/lib/auth/admin-session";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const cell = "border-b border-gray-200 px-2 py-2 align-top";
const KIND_LABELS = { DIGEST: "Digest: new episodes and stories", EPISODES: "New episodes", STORIES: "New stories" } as const;
const ORIGIN_LABELS = { ADMIN: "", NEW_EPISODE: "sent by itself: new episode", WEEKLY_DIGEST: "sent by itself: weekly digest" } as const;

export default async function AdminIssuesPage() {
  const admin = await requireAdmin();
  const [issues, { schedule, nextDigest }] = await Promise.all([listIssues(admin), scheduleOverview(admin)]);
  return (
    <div className="space-y-10">
      <h1 className="font-display text-3xl font-bold">Newsletter issues</h1>
      <section aria-labelledby="automatic-heading">
        <h2 id="automatic-heading" className="font-display text-2xl font-bold">
          Sent by themselves
        </h2>
        <dl className="mt-2 grid max-w-3xl gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">Next digest</dt>
          <dd>{nextDigest ?? "off"}</dd>
          <dt className="font-semibold">Last digest</dt>
          <dd>{schedule.digestLastOutcome ?? "none yet"}</dd>
          <dt className="font-semibold">Last checked</dt>
          <dd data-testid="schedule-checked">{schedule.checkedAt ? `${when.format(schedule.checkedAt)} UTC` : "not yet"}</dd>
        </dl>
        <NewsletterScheduleForm schedule={schedule} action={saveNewsletterSchedule} />
      </section>
      <section aria-labelledby="compose-heading">
        <h2 id="compose-heading" className="font-display text-2xl font-bold">
          Compose by hand
        </h2>
        <p className="mt-1 text-sm text-gray-600">
          An issue carries what was published since the last issue of its kind. You see a preview before anything is sent.{" "}
          <Link href="/admin/newsletter" className="underline">
            Subscribers
          </Link>
        </p>
        <ActionForm action={composeNewsletterIssue} submitLabel="Compose and preview" className="mt-4 max-w-3xl space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <label className="block text-sm font-semibold">
            Carries
            <select name="kind" defaultValue="DIGEST" className="mt-1 block rounded-md border border-gray-300 px-3 py-1.5 font-normal">
              {Object.entries(KIND_LABELS).map(([kind, label]) => (
                <option key={kind} value={kind}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <label className="block text-sm font-semibold">
            A few words before the list (optional, plain text)
            <textarea name="intro" rows={3} maxLength={2000} className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 font-normal" />
          </label>
        </ActionForm>
      </section>
      <section aria-labelledby="issues-heading">
        <h2 id="issues-heading" className="font-display text-2xl font-bold">
          Composed and sent
        </h2>
        {issues.length === 0 ? <p className="mt-2 text-gray-600">No issues yet.</p> : null}
        <table hidden={issues.length === 0} className="mt-3 w-full border-collapse bg-white text-sm shadow-sm">
          <thead>
            <tr className="text-left">
              <th className={cell}>Subject</th>
              <th className={cell}>Kind</th>
              <th className={cell}>Status</th>
              <th className={cell}>Recipients</th>
            </tr>
          </thead>
          <tbody>
            {issues.map((issue) => (
              <tr key={issue.id}>
                <td className={cell}>
                  <Link href={`/admin/newsletter/issues/${issue.id}`} className="font-semibold underline">
                    {issue.subject}
                  </Link>
                  <div className="text-gray-600">composed {when.format(issue.createdAt)} UTC</div>
                </td>
                <td className={cell}>
                  {KIND_LABELS[issue.kind]}
                  {issue.origin === "ADMIN" ? null : <div className="text-gray-600">{ORIGIN_LABELS[issue.origin]}</div>}
                </td>
                <td className={cell}>
                  {issue.status.toLowerCase()}
                  {issue.sentAt ? ` ${when.format(issue.sentAt)} UTC` : ""}
                </td>
                <td className={cell}>{issue.status === "DRAFT" ? "—" : issue._count.deliveries}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
