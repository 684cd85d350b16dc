import Link from "next/link";
import { notFound } from "next/navigation";
import { ListeningCurve } from "@/components/admin/listening-curve";
import { episodeAnalytics, RANGES } from "@/lib/analytics/reports";
import { requireAdmin } from "@/lib/auth/admin-session";
import { formatClock } from "@/lib/text/format";
import { analyticsRangeSchema, EPISODE_ID } from "@/lib/validations/analytics";
import { RangeNav } from "../../range-nav";
import { listeningTime, Tiles } from "../../tiles";

const cell = "border-b border-gray-200 px-2 py-1.5 align-top";

export default async function EpisodeAnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireAdmin();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const range = analyticsRangeSchema.parse(query.range);
  const listening = EPISODE_ID.test(id) ? await episodeAnalytics(admin, id, range) : null;
  if (!listening) notFound();
  const started = Math.max(1, listening.listeners);
  return (
    <div className="space-y-8">
      <p className="text-sm">
        <Link href={`/admin/analytics?range=${range}`} className="underline">
          ← Analytics
        </Link>
      </p>
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-display text-3xl font-bold">{listening.episode.title}</h1>
        <RangeNav range={range} path={`/admin/analytics/episodes/${listening.episode.id}`} />
      </div>
      <Tiles
        className="sm:grid-cols-4"
        tiles={[
          { label: "Plays", value: listening.plays },
          { label: "Listeners", value: listening.listeners },
          { label: "Listening", value: listeningTime(listening.heardSeconds) },
          { label: "Downloads", value: listening.downloads },
        ]}
      />
      <ListeningCurve
        title={`Listeners at each moment, ${RANGES[range].label.toLowerCase()}`}
        length={listening.length}
        curve={listening.curve}
        runs={listening.runs}
        chapters={listening.chapters}
      />
      <p className="text-sm">
        <a href={`/admin/analytics/export?table=listening&range=${range}&episode=${listening.episode.id}`} className="underline">
          Each second as CSV
        </a>
      </p>
      <div className="grid gap-6 lg:grid-cols-2">
        <section aria-labelledby="drop-offs" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="drop-offs" className="font-semibold">
            Where listeners stopped
          </h2>
          {listening.drops.length ? (
            <ol className="mt-2 space-y-3 text-sm">
              {listening.drops.map((drop) => (
                <li key={drop.at}>
                  <p className="font-semibold">
                    {formatClock(drop.at)}–{formatClock(drop.to)}: lost {drop.lost} {drop.lost === 1 ? "listener" : "listeners"}
                    {drop.chapter ? <span className="font-normal text-gray-600"> (in &quot;{drop.chapter}&quot;)</span> : null}
                  </p>
                  {drop.said ? <blockquote className="mt-1 border-l-2 border-gray-300 pl-2 text-gray-700">{drop.said}</blockquote> : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-2 text-sm text-gray-600">No listener has stopped partway yet.</p>
          )}
          {listening.chapters.length ? (
            <>
              <h3 className="mt-4 font-semibold">Chapters</h3>
              <table className="mt-2 w-full text-left text-sm">
                <thead>
                  <tr>
                    <th scope="col" className={cell}>
                      Chapter
                    </th>
                    <th scope="col" className={`${cell} text-right`}>
                      Still listening at its start
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {listening.chapters.map((chapter) => (
                    <tr key={chapter.startTime}>
                      <th scope="row" className={`${cell} font-normal`}>
                        {formatClock(chapter.startTime)} {chapter.title}
                      </th>
                      <td className={`${cell} text-right tabular-nums`}>
                        {chapter.listeners} ({Math.round((chapter.listeners / started) * 100)}%)
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </section>
        <section aria-labelledby="transcript" className="rounded-lg bg-white p-4 shadow-sm">
          <h2 id="transcript" className="font-semibold">
            Transcript, with the listeners at each line
          </h2>
          {listening.cues.length ? (
            <ol className="mt-2 max-h-[32rem] space-y-1 overflow-y-auto text-sm">
              {listening.cues.map((cue, index) => (
                <li key={index} className="grid grid-cols-[4rem_3rem_1fr] gap-2">
                  <span className="tabular-nums text-gray-600">{formatClock(cue.start ?? 0)}</span>
                  <span className="text-right tabular-nums">{cue.listeners}</span>
                  <span>{cue.speaker ? `${cue.speaker}: ${cue.text}` : cue.text}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="mt-2 text-sm text-gray-600">This episode has no timed transcript.</p>
          )}
        </section>
      </div>
    </div>
  );
}
