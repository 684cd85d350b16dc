import { AdminSearchForm } from "@/components/admin/admin-search-form";
import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { Pagination } from "@/components/ui/pagination";
import { listSubscribers, subscriberStats } from "@/lib/newsletter/admin";
import { subscriberListParamsSchema } from "@/lib/validations/admin";
import { importSubscriberFile, removeSubscriber } from "@/lib/newsletter/actions";
import { requireAdmin } from "@/lib/auth/admin-session";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });
const cell = "border-b border-gray-200 px-2 py-2 align-top";
const STATUS_LABELS = { PENDING: "Waiting to confirm", CONFIRMED: "Subscribed", UNSUBSCRIBED: "Unsubscribed" } as const;

export default async function AdminNewsletterPage({ searchParams }: PageProps<"/admin/newsletter">) {
  const admin = await requireAdmin();
  const filter = subscriberListParamsSchema.parse(await searchParams);
  const [{ counts, growth }, list] = await Promise.all([
    subscriberStats(admin),
    listSubscribers(admin, { query: filter.q, status: filter.status, page: filter.page }),
  ]);
  const exportQuery = new URLSearchParams(Object.entries({ q: filter.q ?? "", status: filter.status ?? "" }).filter(([, value]) => value)).toString();
  return (
    <div className="space-y-10">
      <section aria-labelledby="subscribers-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 id="subscribers-heading" className="font-display text-3xl font-bold">
            Newsletter subscribers
          </h1>
          <Link href="/admin/newsletter/issues" className="font-semibold underline">
            Issues: compose and send →
          </Link>
        </div>
        <dl className="mt-4 grid max-w-2xl grid-cols-3 gap-3">
          {(Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[]).map((status) => (
            <div key={status} className="rounded-lg bg-white p-3 shadow-sm">
              <dt className="text-sm text-gray-600">{STATUS_LABELS[status]}</dt>
              <dd className="text-2xl font-bold" data-testid={`count-${status.toLowerCase()}`}>
                {counts[status].toLocaleString("en")}
              </dd>
            </div>
          ))}
        </dl>
        <table className="mt-4 border-collapse bg-white text-sm shadow-sm">
          <caption className="p-2 text-left font-semibold">Growth by week (UTC)</caption>
          <thead>
            <tr className="text-left">
              <th className={cell}>Week of</th>
              <th className={cell}>Confirmed</th>
              <th className={cell}>Unsubscribed</th>
            </tr>
          </thead>
          <tbody>
            {growth.map((week) => (
              <tr key={week.week.toISOString()}>
                <td className={cell}>{when.format(week.week)}</td>
                <td className={cell}>+{week.confirmed}</td>
                <td className={cell}>−{week.left}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading" className="font-display text-2xl font-bold">
          The list
        </h2>
        <AdminSearchForm
          label="Address or name"
          query={filter.q}
          submitLabel="Filter"
          className="mt-3"
          after={
            <a href={`/admin/newsletter/subscribers.csv${exportQuery ? `?${exportQuery}` : ""}`} className="text-sm font-semibold underline" download>
              Export these as CSV
            </a>
          }
        >
          <label className="text-sm font-semibold">
            Status
            <select name="status" defaultValue={filter.status ?? ""} className="mt-1 block rounded-md border border-gray-300 px-3 py-1.5 font-normal">
              <option value="">All</option>
              {(Object.keys(STATUS_LABELS) as (keyof typeof STATUS_LABELS)[]).map((status) => (
                <option key={status} value={status}>
                  {STATUS_LABELS[status]}
                </option>
              ))}
            </select>
          </label>
        </AdminSearchForm>
        <p className="mt-2 text-sm text-gray-600">{list.total.toLocaleString("en")} found.</p>
        <table className="mt-2 w-full border-collapse bg-white text-sm shadow-sm">
          <thead>
            <tr className="text-left">
              <th className={cell}>Address</th>
              <th className={cell}>Status</th>
              <th className={cell}>Consent</th>
              <th className={cell}>Delete</th>
            </tr>
          </thead>
          <tbody>
            {list.subscribers.map((subscriber) => (
              <tr key={subscriber.id}>
                <td className={cell}>
                  <strong>{subscriber.email}</strong>
                  {subscriber.name ? <div className="text-gray-600">{subscriber.name}</div> : null}
                </td>
                <td className={cell}>
                  {STATUS_LABELS[subscriber.status]}
                  {subscriber.confirmedAt ? <div className="text-gray-600">confirmed {when.format(subscriber.confirmedAt)}</div> : null}
                  {subscriber.unsubscribedAt ? <div className="text-gray-600">left {when.format(subscriber.unsubscribedAt)}</div> : null}
                </td>
                <td className={cell}>
                  {when.format(subscriber.consentAt)} · {subscriber.consentMethod === "FORM" ? "form on" : ""} {subscriber.consentSource}
                </td>
                <td className={cell}>
                  <ActionForm
                    action={removeSubscriber}
                    values={{ subscriberId: subscriber.id }}
                    submitLabel="Delete for good"
                    buttonClassName="rounded-md border border-red-700 px-2 py-1 text-sm text-red-800"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pagination page={filter.page} pageCount={list.pageCount} basePath="/admin/newsletter" query={{ q: filter.q, status: filter.status }} />
      </section>

      <section aria-labelledby="import-heading">
        <h2 id="import-heading" className="font-display text-2xl font-bold">
          Import a list
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-gray-600">
          A CSV file with an <code>email</code> column and, if you have it, <code>name</code> (up to 5 MB). Addresses already on the list are left as they are:
          an unsubscribed person stays unsubscribed.
        </p>
        <ActionForm action={importSubscriberFile} submitLabel="Import" className="mt-3 max-w-3xl space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <label className="block text-sm font-semibold">
            CSV file
            <input name="file" type="file" accept=".csv,text/csv" required className="mt-1 block font-normal" />
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input name="priorConsent" type="checkbox" className="mt-1" />
            <span>
              These people agreed to receive e-mail from us before. We record your word as their consent. Leave it unticked and each is sent a link to confirm
              first.
            </span>
          </label>
        </ActionForm>
      </section>
    </div>
  );
}
