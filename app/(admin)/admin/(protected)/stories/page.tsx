import { AdminSearchForm } from "@/components/admin/admin-search-form";
import Link from "next/link";
import { z } from "zod";
import { RelatedOverrideForm } from "@/components/admin/related-override-form";
import { Pagination } from "@/components/ui/pagination";
import { requireAdmin } from "@/lib/auth/admin-session";
import { listStoriesForAdmin, storyState } from "@/lib/stories/editor";

const cell = "border-b border-gray-200 px-2 py-2 align-top";
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const paramsSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
const STATE_LABEL = { draft: "Draft", scheduled: "Scheduled", published: "Published" } as const;

export default async function AdminStoriesPage({ searchParams }: PageProps<"/admin/stories">) {
  const admin = await requireAdmin();
  const { q, page } = paramsSchema.parse(await searchParams);
  const list = await listStoriesForAdmin(admin, { q, page });
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-display text-3xl font-bold">Stories</h1>
        <div className="flex gap-3 text-sm font-semibold">
          <Link href="/admin/stories/import" className="rounded-md border border-gray-400 px-3 py-1.5">
            Import from WordPress
          </Link>
          <Link href="/admin/stories/new" className="rounded-md bg-ink px-3 py-1.5 text-white">
            New story
          </Link>
        </div>
      </div>
      <AdminSearchForm label="Headline or slug" query={q} />
      <p className="text-sm text-gray-600">{list.total} stories and pages</p>
      <table className="w-full border-collapse bg-white text-sm shadow-sm">
        <thead>
          <tr className="text-left">
            <th className={cell}>Headline</th>
            <th className={cell}>State</th>
            <th className={cell}>Publish time (UTC)</th>
            <th className={cell}>Edited (UTC)</th>
          </tr>
        </thead>
        <tbody>
          {list.stories.map((story) => (
            <tr key={story.id}>
              <td className={cell}>
                <Link href={`/admin/stories/${story.id}`} className="font-semibold underline">
                  {story.title}
                </Link>
                <div className="text-gray-600">
                  /stories/{story.slug}
                  {story.kind === "PAGE" ? " · page" : null}
                  {story.authorName ? ` · ${story.authorName}` : null}
                </div>
              </td>
              <td className={cell}>{STATE_LABEL[storyState(story)]}</td>
              <td className={cell}>{story.publishedAt ? when.format(story.publishedAt) : "—"}</td>
              <td className={cell}>{when.format(story.updatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination page={page} pageCount={list.pageCount} basePath="/admin/stories" query={{ q }} />
      <section aria-labelledby="related-lists" className="space-y-2">
        <h2 id="related-lists" className="font-display text-2xl font-bold">
          Related lists of any page
        </h2>
        <p className="text-sm text-gray-600">Pin an episode or story first in a page&apos;s related list, hide it, or give it back to the ranking.</p>
        <RelatedOverrideForm />
      </section>
    </div>
  );
}
