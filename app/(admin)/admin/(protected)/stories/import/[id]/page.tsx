import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/admin/action-form";
import { RefreshWhile } from "@/components/admin/refresh-while";
import { requireAdmin } from "@/lib/auth/admin-session";
import { getWxrImport, type WxrReport } from "@/lib/stories/wxr-import";
import { startWxrImportAction } from "@/lib/stories/actions";

const paramsSchema = z.object({ id: z.string().min(1).max(40) });

export default async function WordPressImportReportPage({ params }: PageProps<"/admin/stories/import/[id]">) {
  const admin = await requireAdmin();
  const parsed = paramsSchema.safeParse(await params);
  const staged = parsed.success ? await getWxrImport(admin, parsed.data.id) : null;
  if (!staged) notFound();
  const report = staged.report as unknown as WxrReport;
  const running = staged.status === "QUEUED" || staged.status === "IMPORTING";
  const rows: [string, string | number][] = [
    ["Stories and pages to create", report.stories.create],
    ["Already imported: to update", report.stories.update],
    ["Of which pages", report.pages],
    ["Of which drafts (not on the site)", report.drafts],
    ["Of which scheduled", report.scheduled],
    ["Categories", report.categories],
    ["Tags", report.tags],
    ["Authors", report.authors],
    ["Approved comments to add", report.comments.create],
    ["Comments already here", report.comments.existing],
    ["Featured images (used by address)", report.featuredImages],
  ];
  return (
    <div className="max-w-3xl space-y-6">
      <RefreshWhile active={running} />
      <h1 className="font-display text-3xl font-bold">{staged.fileName}</h1>
      <p className="text-sm text-gray-700">
        {report.site.title || "A WordPress site"} {report.site.url ? `(${report.site.url})` : null} · {(Number(staged.sizeBytes) / 1024 / 1024).toFixed(1)} MB
      </p>
      <table aria-label="What the import does" className="w-full border-collapse bg-white text-sm shadow-sm">
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row" className="border-b border-gray-200 px-2 py-1.5 text-left font-normal">
                {label}
              </th>
              <td className="border-b border-gray-200 px-2 py-1.5 text-right font-semibold">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.keys(report.passedOver).length ? (
        <section aria-labelledby="passed-over">
          <h2 id="passed-over" className="font-semibold">
            Passed over
          </h2>
          <ul className="list-disc pl-6 text-sm">
            {Object.entries(report.passedOver).map(([reason, count]) => (
              <li key={reason}>
                {count} × {reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {report.warnings.length ? (
        <ul className="list-disc rounded-md bg-amber-50 p-3 pl-8 text-sm text-amber-900 ring-1 ring-amber-200">
          {report.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <div role="status" className="text-sm">
        {staged.status === "ANALYZED" ? "Nothing imported yet." : null}
        {running ? `Importing… ${staged.done} of ${staged.total} stories` : null}
        {staged.status === "DONE" ? `Imported: ${staged.done} stories and pages.` : null}
        {staged.status === "FAILED" ? `The import failed and nothing was kept: ${staged.error}` : null}
      </div>
      {staged.status === "ANALYZED" || staged.status === "FAILED" ? (
        <ActionForm
          action={startWxrImportAction}
          values={{ importId: staged.id }}
          submitLabel={staged.status === "FAILED" ? "Try the import again" : "Import"}
        />
      ) : null}
    </div>
  );
}
