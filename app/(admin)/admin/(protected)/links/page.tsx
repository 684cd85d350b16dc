import { ActionForm } from "@/components/admin/action-form";
import { listLinksForReview } from "@/lib/feeds/admin";
import { formatDate } from "@/lib/format";
import { decideLink } from "../../actions";
import { requireAdmin } from "@/lib/admin-session";

export default async function AdminLinksPage() {
  const admin = await requireAdmin();
  const links = await listLinksForReview(admin);
  return (
    <>
      <h1 className="font-display text-3xl font-bold">Links to review</h1>
      <p className="mt-2 max-w-2xl text-gray-700">
        Videos that look like an episode, but not surely enough to link on their own. Accept or reject each: later syncs keep your decision.
      </p>
      {links.length === 0 ? (
        <p className="mt-6 text-gray-600">Nothing waits for review.</p>
      ) : (
        <ul className="mt-6 space-y-4">
          {links.map((link) => (
            <li key={link.id} className="rounded-lg bg-white p-4 shadow-sm">
              <p>
                <strong>{link.item?.title ?? link.url}</strong> ({link.platform}, {formatDate(link.item?.publishedAt)})
              </p>
              <p className="text-sm text-gray-700">
                looks like episode <a href={`/episodes/${link.episode.slug}`} className="underline">{link.episode.title}</a> ({formatDate(link.episode.publishedAt)}) ·
                confidence {(link.confidence * 100).toFixed(0)}%
              </p>
              <div className="mt-2 flex gap-3">
                <ActionForm action={decideLink} values={{ linkId: link.id, decision: "ACCEPTED" }} submitLabel="Accept" />
                <ActionForm
                  action={decideLink}
                  values={{ linkId: link.id, decision: "REJECTED" }}
                  submitLabel="Reject"
                  buttonClassName="rounded-md border border-gray-400 px-3 py-1.5 text-sm"
                />
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
