import { notFound } from "next/navigation";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { RefreshWhile } from "@/components/admin/refresh-while";
import { audienceCount, deliveryCounts, issueForPreview } from "@/lib/newsletter/issues";
import { issueIdSchema } from "@/lib/validations/admin";
import { sendNewsletterIssue, sendTestNewsletterIssue } from "@/lib/newsletter/actions";
import { requireAdmin } from "@/lib/auth/admin-session";
import { currentViewer } from "@/lib/auth/session";

const COUNT_LABELS = {
  SENT: "Sent",
  PENDING: "Waiting",
  SENDING: "Going out now",
  FAILED: "Failed",
  UNCERTAIN: "Uncertain (the sender stopped mid-send; not re-sent, so no one gets it twice)",
  SKIPPED: "Skipped (unsubscribed meanwhile)",
} as const;

export default async function AdminIssuePage({ params }: PageProps<"/admin/newsletter/issues/[id]">) {
  const admin = await requireAdmin();
  const parsed = issueIdSchema.safeParse({ issueId: (await params).id });
  const preview = parsed.success ? await issueForPreview(admin, parsed.data.issueId) : null;
  if (!preview) notFound();
  const { issue, email } = preview;
  const [counts, audience, account] = await Promise.all([deliveryCounts(issue.id), audienceCount(admin, issue.kind), currentViewer()]);
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const done = total - counts.PENDING - counts.SENDING;
  return (
    <div className="space-y-6">
      <RefreshWhile active={issue.status === "SENDING"} />
      <p>
        <Link href="/admin/newsletter/issues" className="underline">
          ← Issues
        </Link>
      </p>
      <h1 className="font-display text-3xl font-bold">{issue.subject}</h1>
      <section aria-labelledby="progress-heading" className="rounded-lg bg-white p-4 shadow-sm">
        <h2 id="progress-heading" className="font-semibold">
          {issue.status === "DRAFT" ? "Not sent yet" : issue.status === "SENDING" ? "Sending" : "Sent"}
        </h2>
        {issue.status !== "DRAFT" ? (
          <>
            <progress max={Math.max(total, 1)} value={done} className="mt-2 w-full" aria-label="Delivered or settled" />
            <dl className="mt-2 grid gap-1 text-sm sm:grid-cols-2" data-testid="delivery-counts">
              {(Object.keys(COUNT_LABELS) as (keyof typeof COUNT_LABELS)[]).map((status) => (
                <div key={status} className="flex gap-2">
                  <dt>{COUNT_LABELS[status]}:</dt>
                  <dd className="font-semibold">{counts[status]}</dd>
                </div>
              ))}
            </dl>
          </>
        ) : null}
        {issue.status === "DRAFT" ? (
          <>
            <ActionForm
              action={sendTestNewsletterIssue}
              values={{ issueId: issue.id }}
              submitLabel="Send a test"
              className="mt-3 flex flex-wrap items-end gap-2"
            >
              <label className="text-sm font-semibold">
                Send a test to
                <input
                  name="to"
                  type="email"
                  required
                  defaultValue={account?.email}
                  className="mt-1 block w-72 rounded-md border border-gray-300 px-3 py-1.5 font-normal"
                />
              </label>
            </ActionForm>
            <ActionForm
              action={sendNewsletterIssue}
              values={{ issueId: issue.id }}
              submitLabel="Send to subscribers"
              className="mt-4 space-y-2 border-t border-gray-200 pt-4"
            >
              <label className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="confirm" /> Yes, send it now to {audience === 1 ? "1 subscriber" : `${audience} subscribers`}
              </label>
            </ActionForm>
          </>
        ) : issue.status === "SENDING" ? (
          <ActionForm action={sendNewsletterIssue} values={{ issueId: issue.id, confirm: "on" }} submitLabel="Resume sending" className="mt-3 space-y-2" />
        ) : null}
      </section>
      <section aria-labelledby="preview-heading">
        <h2 id="preview-heading" className="font-display text-2xl font-bold">
          Preview
        </h2>
        {/* A sandboxed frame with no scripts: the preview is the e-mail's HTML exactly as subscribers get it. */}
        <iframe title="E-mail preview" srcDoc={email.html} sandbox="" className="mt-3 h-[640px] w-full rounded-lg border border-gray-300 bg-white" />
        <details className="mt-3">
          <summary className="cursor-pointer font-semibold">Plain-text part</summary>
          <pre className="mt-2 whitespace-pre-wrap rounded-lg bg-white p-4 text-sm shadow-sm">{email.text}</pre>
        </details>
      </section>
    </div>
  );
}
