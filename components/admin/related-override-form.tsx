import { ActionForm } from "@/components/admin/action-form";
import { relatedOverrideAction } from "@/lib/stories/actions";

export interface RelatedOverrideFormProps {
  /** The page whose lists are changed; without it the editor names one. */
  source?: { kind: "EPISODE" | "STORY"; slug: string };
}

const field = "ml-2 rounded-md border border-gray-300 px-2 py-1";

function KindSelect({ name }: { name: string }) {
  return (
    <select name={name} className={field}>
      <option value="EPISODE">episode</option>
      <option value="STORY">story</option>
    </select>
  );
}

/** Pin an item first in a page's related list, hide it, or give it back to the ranking. */
export function RelatedOverrideForm({ source }: RelatedOverrideFormProps) {
  return (
    <ActionForm
      action={relatedOverrideAction}
      values={source ? { sourceKind: source.kind, sourceSlug: source.slug } : {}}
      submitLabel="Apply"
      className="flex flex-wrap items-end gap-3 text-sm"
    >
      {source ? null : (
        <>
          <label className="font-semibold">
            On the page of
            <KindSelect name="sourceKind" />
          </label>
          <label className="font-semibold">
            Slug
            <input name="sourceSlug" required className={field} />
          </label>
        </>
      )}
      <label className="font-semibold">
        Item
        <KindSelect name="targetKind" />
      </label>
      <label className="font-semibold">
        Its slug
        <input name="targetSlug" required className={field} />
      </label>
      <label className="font-semibold">
        Decision
        <select name="decision" className={field}>
          <option value="pin">Pin</option>
          <option value="hide">Hide</option>
          <option value="reset">Back to the ranking</option>
        </select>
      </label>
    </ActionForm>
  );
}
