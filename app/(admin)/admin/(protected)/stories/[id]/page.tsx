import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ActionForm } from "@/components/admin/action-form";
import { RelatedOverrideForm } from "@/components/admin/related-override-form";
import { StoryEditor } from "@/components/admin/story-editor";
import { requireAdmin } from "@/lib/auth/admin-session";
import { getStoryForEditor, listRelatedOverrides, previewStoryBody, storyState } from "@/lib/stories/editor";
import { deleteStoryAction, relatedOverrideAction } from "@/lib/stories/actions";

const paramsSchema = z.object({ id: z.string().min(1).max(40) });

export default async function EditStoryPage({ params, searchParams }: PageProps<"/admin/stories/[id]">) {
  const admin = await requireAdmin();
  const parsed = paramsSchema.safeParse(await params);
  const story = parsed.success ? await getStoryForEditor(admin, parsed.data.id) : null;
  if (!story) notFound();
  const justCreated = (await searchParams).saved === "1";
  const [preview, overrides] = await Promise.all([
    previewStoryBody(story.body, story.bodyFormat),
    listRelatedOverrides(admin, { kind: "STORY", id: story.id }),
  ]);
  const state = storyState(story);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="font-display text-3xl font-bold">Edit story</h1>
        {state === "published" ? (
          <Link href={`/stories/${story.slug}`} className="text-sm font-semibold underline">
            View on the site
          </Link>
        ) : (
          <p className="text-sm text-gray-600">{state === "draft" ? "Draft: not on the site." : "Scheduled: on the site at its publish time."}</p>
        )}
      </div>
      {justCreated ? (
        <p role="status" className="text-sm text-green-800">
          Saved.
        </p>
      ) : null}
      {story.bodyFormat === "HTML" ? (
        <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200">
          This story was imported as HTML: its body is edited as HTML, and sanitized as always.
        </p>
      ) : null}
      <StoryEditor
        initialPreview={preview}
        story={{
          id: story.id,
          slug: story.slug,
          title: story.title,
          dek: story.dek,
          body: story.body,
          authorName: story.authorName,
          status: story.status,
          kind: story.kind,
          publishedAt: story.publishedAt?.toISOString() ?? null,
          categories: story.categories.map(({ category }) => category.name),
          tags: story.tags.map(({ tag }) => tag.name),
          heroImageUrl: story.heroImageUrl ?? "",
          heroAlt: story.heroAlt,
          heroCaption: story.heroCaption ?? "",
          heroCredit: story.heroCredit ?? "",
          audioUrl: story.audioUrl ?? "",
          episodes: story.episodes.map((link) => ({ slug: link.episode.slug, startSeconds: link.startSeconds })),
          bodyFormat: story.bodyFormat,
        }}
      />
      <section aria-labelledby="related-heading" className="space-y-3">
        <h2 id="related-heading" className="font-display text-2xl font-bold">
          Related lists
        </h2>
        <p className="text-sm text-gray-600">Computed from the words of every story and episode; pin an item to put it first, hide one to keep it out.</p>
        {overrides.length ? (
          <ul className="space-y-2 text-sm">
            {overrides.map((override) => (
              <li key={`${override.targetKind}-${override.slug}`} className="flex items-center gap-3">
                <span>
                  {override.pinned ? "Pinned" : "Hidden"}: {override.targetKind === "EPISODE" ? "episode" : "story"} “{override.title}”
                </span>
                <ActionForm
                  action={relatedOverrideAction}
                  values={{ sourceKind: "STORY", sourceSlug: story.slug, targetKind: override.targetKind, targetSlug: override.slug, decision: "reset" }}
                  submitLabel="Undo"
                  buttonClassName="rounded-md border border-gray-400 px-2 py-0.5 text-sm"
                />
              </li>
            ))}
          </ul>
        ) : null}
        <RelatedOverrideForm source={{ kind: "STORY", slug: story.slug }} />
      </section>
      <ActionForm
        action={deleteStoryAction}
        values={{ storyId: story.id }}
        submitLabel="Delete this story for good"
        buttonClassName="rounded-md border border-red-700 px-3 py-1.5 text-sm text-red-700"
      />
    </div>
  );
}
