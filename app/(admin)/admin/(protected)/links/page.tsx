import { ActionForm } from "@/components/admin/action-form";
import { listEpisodesForLinking, listLinksForReview } from "@/lib/feeds/admin";
import { formatDate } from "@/lib/text/format";
import { decideLink, linkEpisode } from "@/lib/feeds/actions";
import { requireAdmin } from "@/lib/auth/admin-session";

export default async function AdminLinksPage() {
  const admin = await requireAdmin();
  const [links, episodes] = await Promise.all([listLinksForReview(admin), listEpisodesForLinking(admin)]);
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
                looks like episode{" "}
                <a href={`/episodes/${link.episode.slug}`} className="underline">
                  {link.episode.title}
                </a>{" "}
                ({formatDate(link.episode.publishedAt)}) · confidence {(link.confidence * 100).toFixed(0)}%
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
      <section aria-labelledby="link-by-hand" className="mt-12">
        <h2 id="link-by-hand" className="font-display text-2xl font-bold">
          Link an episode by hand
        </h2>
        <p className="mt-1 max-w-2xl text-sm text-gray-600">
          When no source finds it: paste the episode&apos;s own page on a platform. It replaces the link there on the episode&apos;s row.
        </p>
        <ActionForm action={linkEpisode} submitLabel="Link" className="mt-3 grid max-w-3xl gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2">
          <label className="text-sm font-semibold sm:col-span-2">
            Episode
            <select name="episodeSlug" required className="mt-1 w-full rounded-md border border-gray-300 px-3 py-2 font-normal">
              {episodes.map((episode) => (
                <option key={episode.slug} value={episode.slug}>
                  {episode.title} ({episode.show.title}, {formatDate(episode.publishedAt)})
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm font-semibold">
            Platform
            <select name="platform" className="mt-1 w-full rounded-md border border-gray-300 px-3 py-2 font-normal">
              <option value="apple">Apple Podcasts</option>
              <option value="spotify">Spotify</option>
              <option value="youtube">YouTube</option>
              <option value="rumble">Rumble</option>
            </select>
          </label>
          <label className="text-sm font-semibold">
            The episode&apos;s page there
            <input name="url" type="url" required className="mt-1 w-full rounded-md border border-gray-300 px-3 py-2 font-normal" />
          </label>
        </ActionForm>
      </section>
    </>
  );
}
