import Link from "next/link";
import { z } from "zod";
import { requireAdmin } from "@/lib/auth/admin-session";
import { listWxrImports } from "@/lib/stories/wxr-import";

const paramsSchema = z.object({ error: z.string().max(2000).optional().catch(undefined) });
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function WordPressImportPage({ searchParams }: PageProps<"/admin/stories/import">) {
  const admin = await requireAdmin();
  const { error } = paramsSchema.parse(await searchParams);
  const imports = await listWxrImports(admin);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="font-display text-3xl font-bold">Import from WordPress</h1>
      <p className="text-sm text-gray-700">
        In WordPress, export “All content” from Tools → Export and upload the file here. You see what it holds first; nothing is imported until you confirm.
        Posts and pages become stories, with their categories, tags, featured images (by address) and approved comments; their old addresses redirect to the new
        ones. Importing the same file again updates, never duplicates.
      </p>
      {error ? (
        <p role="alert" className="rounded-md bg-red-50 p-3 text-sm text-red-800 ring-1 ring-red-200">
          {error}
        </p>
      ) : null}
      <form method="post" action="/admin/stories/import/upload" encType="multipart/form-data" className="flex flex-wrap items-end gap-3">
        <label className="text-sm font-semibold">
          Export file (.xml)
          <input name="file" type="file" accept=".xml,application/xml,text/xml" required className="mt-1 block font-normal" />
        </label>
        <button type="submit" className="rounded-md bg-ink px-3 py-1.5 text-sm font-semibold text-white">
          Read the file
        </button>
      </form>
      {imports.length ? (
        <section aria-labelledby="past-imports">
          <h2 id="past-imports" className="font-display text-xl font-bold">
            Uploaded exports
          </h2>
          <ul className="mt-2 space-y-1 text-sm">
            {imports.map((row) => (
              <li key={row.id}>
                <Link href={`/admin/stories/import/${row.id}`} className="underline">
                  {row.fileName}
                </Link>{" "}
                · {row.status.toLowerCase()} · {when.format(row.createdAt)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
