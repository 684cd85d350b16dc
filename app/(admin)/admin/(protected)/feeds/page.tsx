import { ActionForm } from "@/components/admin/action-form";
import { listRecentSyncRuns, listShowsForAdmin, listSourcesForAdmin, showNamer } from "@/lib/feeds/admin";
import { addSource, editSource, savePlatformPages, syncNow, toggleSource } from "@/lib/feeds/actions";
import { requireAdmin } from "@/lib/auth/admin-session";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const cell = "border-b border-gray-200 px-2 py-2 align-top";
const TRIGGERS = { SCHEDULED: "the schedule", MANUAL: "a person", ADDED: "adding the source" } as const;

export default async function AdminFeedsPage() {
  const admin = await requireAdmin();
  const [sources, runs, shows] = await Promise.all([listSourcesForAdmin(admin), listRecentSyncRuns(admin), listShowsForAdmin(admin)]);
  const showName = showNamer(shows);
  return (
    <div className="space-y-10">
      <section aria-labelledby="add-source">
        <h1 id="add-source" className="font-display text-3xl font-bold">
          Feeds
        </h1>
        <ActionForm action={addSource} submitLabel="Add and import" className="mt-4 grid max-w-3xl gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2">
          <label className="text-sm font-semibold sm:col-span-2">
            Feed or show page address
            <input
              name="url"
              type="url"
              required
              placeholder="https://feeds.example.com/show.xml"
              className="mt-1 w-full rounded-md border border-gray-300 px-3 py-2 font-normal"
            />
          </label>
          <label className="text-sm font-semibold">
            Kind
            <select name="kind" defaultValue="PODCAST" className="mt-1 w-full rounded-md border border-gray-300 px-3 py-2 font-normal">
              <option value="PODCAST">Podcast RSS (any host)</option>
              <option value="YOUTUBE">YouTube channel or playlist</option>
              <option value="VIDEO">Other video/audio RSS (Rumble…)</option>
              <option value="APPLE">Apple Podcasts show page (episode links)</option>
              <option value="SPOTIFY">Spotify show page (episode links)</option>
              <option value="STORIES">Stories: the site&apos;s RSS/Atom feed with full text</option>
            </select>
          </label>
          <label className="text-sm font-semibold">
            Show
            <select name="showSlug" defaultValue="" className="mt-1 w-full rounded-md border border-gray-300 px-3 py-2 font-normal">
              <option value="">New show, from the feed</option>
              {shows.map((show) => (
                <option key={show.slug} value={show.slug}>
                  {showName(show)}
                </option>
              ))}
            </select>
          </label>
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input name="ownerConfirmed" type="checkbox" />
            This is our own show (needed for feeds marked podcast:locked)
          </label>
        </ActionForm>
      </section>

      {shows.length ? (
        <section aria-labelledby="platform-pages">
          <h2 id="platform-pages" className="font-display text-2xl font-bold">
            Shows on the platforms
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-gray-600">
            Paste each show&apos;s page: it is the &ldquo;Listen &amp; watch on&rdquo; row on its pages. An Apple Podcasts or Spotify page also brings each
            episode&apos;s own link. Leave a field empty to remove it.
          </p>
          {shows.map((show) => (
            <ActionForm
              key={show.slug}
              action={savePlatformPages}
              values={{ showSlug: show.slug }}
              submitLabel={`Save ${showName(show)}'s pages`}
              className="mt-4 grid max-w-3xl gap-3 rounded-lg bg-white p-4 shadow-sm sm:grid-cols-2"
            >
              <h3 className="font-semibold sm:col-span-2">{showName(show)}</h3>
              {(
                [
                  ["appleUrl", "Apple Podcasts", show.appleUrl, "https://podcasts.apple.com/us/podcast/…/id…"],
                  ["spotifyUrl", "Spotify", show.spotifyUrl, "https://open.spotify.com/show/…"],
                  ["youtubeUrl", "YouTube", show.youtubeUrl, "https://www.youtube.com/@…"],
                  ["rumbleUrl", "Rumble", show.rumbleUrl, "https://rumble.com/c/…"],
                ] as const
              ).map(([name, label, value, placeholder]) => (
                <label key={name} className="text-sm font-semibold">
                  {label} page of {showName(show)}
                  <input
                    name={name}
                    type="url"
                    defaultValue={value ?? ""}
                    placeholder={placeholder}
                    className="mt-1 w-full rounded-md border border-gray-300 px-3 py-2 font-normal"
                  />
                </label>
              ))}
            </ActionForm>
          ))}
        </section>
      ) : null}

      <section aria-labelledby="sources">
        <h2 id="sources" className="font-display text-2xl font-bold">
          Sources
        </h2>
        {sources.length === 0 ? (
          <p className="mt-2 text-gray-600">No feed sources yet.</p>
        ) : (
          <table className="mt-3 w-full border-collapse bg-white text-sm shadow-sm">
            <thead>
              <tr className="text-left">
                <th className={cell}>Show and feed</th>
                <th className={cell}>Kind</th>
                <th className={cell}>Last sync</th>
                <th className={cell}>Items</th>
                <th className={cell}>Actions</th>
              </tr>
            </thead>
            <tbody>
              {sources.map((source) => (
                <tr key={source.id}>
                  <td className={cell}>
                    <strong>{showName(source.show)}</strong>
                    <details className="mt-1">
                      <summary className="cursor-pointer break-all text-gray-600">{source.url}</summary>
                      <ActionForm action={editSource} values={{ sourceId: source.id }} submitLabel="Save address" className="mt-2 space-y-2">
                        <label className="block text-xs font-semibold">
                          New address
                          <input
                            name="url"
                            type="url"
                            required
                            defaultValue={source.url}
                            className="mt-1 w-full rounded-md border border-gray-300 px-2 py-1 font-normal"
                          />
                        </label>
                      </ActionForm>
                    </details>
                  </td>
                  <td className={cell}>{source.kind.toLowerCase()}</td>
                  <td className={cell}>
                    {source.syncStartedAt ? "running now" : source.lastStatus ? source.lastStatus.toLowerCase() : "never"}
                    {source.lastFetchedAt ? <> · {when.format(source.lastFetchedAt)} UTC</> : null}
                    {source.lastError ? <p className="text-red-700">{source.lastError}</p> : null}
                    {!source.enabled ? <p className="font-semibold">Disabled</p> : null}
                  </td>
                  <td className={cell}>
                    {source.kind === "PODCAST"
                      ? `${source._count.episodes} episodes`
                      : source.kind === "STORIES"
                        ? `${source._count.stories} stories`
                        : `${source._count.platformItems} videos`}
                  </td>
                  <td className={`${cell} space-y-2`}>
                    <ActionForm action={syncNow} values={{ sourceId: source.id }} submitLabel="Sync now" />
                    <ActionForm
                      action={toggleSource}
                      values={{ sourceId: source.id, enabled: String(!source.enabled) }}
                      submitLabel={source.enabled ? "Disable" : "Enable"}
                      buttonClassName="rounded-md border border-gray-400 px-3 py-1 text-sm"
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="runs">
        <h2 id="runs" className="font-display text-2xl font-bold">
          Recent runs
        </h2>
        {runs.length === 0 ? <p className="mt-2 text-gray-600">No syncs have run yet.</p> : null}
        <table hidden={runs.length === 0} className="mt-3 w-full border-collapse bg-white text-sm shadow-sm">
          <thead>
            <tr className="text-left">
              <th className={cell}>Started (UTC)</th>
              <th className={cell}>Source</th>
              <th className={cell}>Asked by</th>
              <th className={cell}>Result</th>
              <th className={cell}>New / updated / unchanged / gone / skipped</th>
              <th className={cell}>Time</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((run) => (
              <tr key={run.id}>
                <td className={cell}>{when.format(run.startedAt)}</td>
                <td className={cell}>{showName(run.source.show)}</td>
                <td className={cell}>{TRIGGERS[run.trigger]}</td>
                <td className={cell}>
                  {run.status.toLowerCase()}
                  {run.httpStatus ? ` (HTTP ${run.httpStatus})` : ""}
                  {run.error ? <p className="text-red-700">{run.error}</p> : null}
                  {run.warning ? (
                    <p className="text-amber-800">
                      <strong>Suspicious:</strong> {run.warning}
                    </p>
                  ) : null}
                  {run.notes.length ? (
                    <details>
                      <summary>
                        {run.notes.length} item note{run.notes.length === 1 ? "" : "s"}
                      </summary>
                      <ul className="list-disc pl-5">
                        {run.notes.map((entry, index) => (
                          <li key={index}>
                            <em>{entry.item}</em>: {entry.note}
                          </li>
                        ))}
                      </ul>
                    </details>
                  ) : null}
                </td>
                <td className={cell}>
                  {[run.created, run.updated, run.unchanged, run.gone, run.skipped].join(" / ")}
                  {run.heldBack ? ` (${run.heldBack} held back from gone)` : ""}
                </td>
                <td className={cell}>{run.durationMs == null ? "…" : `${run.durationMs} ms`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
