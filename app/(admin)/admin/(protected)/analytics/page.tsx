import Link from "next/link";
import { ActionForm } from "@/components/admin/action-form";
import { LineChart } from "@/components/admin/line-chart";
import { saveAnalyticsSettings } from "@/lib/analytics/actions";
import { analyticsReport, RANGES } from "@/lib/analytics/reports";
import { analyticsSettings } from "@/lib/analytics/settings";
import { requireAdmin } from "@/lib/auth/admin-session";
import { analyticsRangeSchema } from "@/lib/validations/analytics";
import { RangeNav } from "./range-nav";
import { listeningTime, Tiles } from "./tiles";

const hour = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
const day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
const cell = "border-b border-gray-200 px-2 py-1.5";
const number = `${cell} text-right tabular-nums`;

function CsvLink({ table, range }: { table: string; range: string }) {
  return (
    <a href={`/admin/analytics/export?table=${table}&range=${range}`} className="text-sm underline">
      CSV
    </a>
  );
}

function Section({ id, title, csv, range, children }: { id: string; title: string; csv: string; range: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-lg bg-white p-4 shadow-sm">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id={id} className="font-semibold">
          {title}
        </h2>
        <CsvLink table={csv} range={range} />
      </div>
      {children}
    </section>
  );
}

function Counts({
  label,
  rows,
  range,
  id,
  csv,
}: {
  label: string;
  rows: { name: string; events: number; visitors: number }[];
  range: string;
  id: string;
  csv: string;
}) {
  return (
    <Section id={id} title={label} csv={csv} range={range}>
      {rows.length ? (
        <table className="mt-2 w-full text-left text-sm">
          <thead>
            <tr>
              <th scope="col" className={cell}>
                {label}
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Times
              </th>
              <th scope="col" className={`${cell} text-right`}>
                Visitors
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, 20).map((row) => (
              <tr key={row.name}>
                <th scope="row" className={`${cell} font-normal`}>
                  {row.name}
                </th>
                <td className={number}>{row.events}</td>
                <td className={number}>{row.visitors}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="mt-2 text-sm text-gray-600">Nothing yet.</p>
      )}
    </Section>
  );
}

export default async function AnalyticsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requireAdmin();
  const range = analyticsRangeSchema.parse((await searchParams).range);
  const [report, settings] = await Promise.all([analyticsReport(admin, range), analyticsSettings()]);
  const labels = report.periods.map((period) => (report.grain === "hour" ? hour : day).format(period.start));
  const tiles = [
    { label: "Plays", value: report.totals.plays },
    { label: "Listeners", value: report.totals.listeners },
    { label: "Listening", value: listeningTime(report.totals.heardSeconds) },
    { label: "Page views", value: report.totals.views },
    { label: "Visitors", value: report.totals.visitors },
    ...(settings.countDownloads ? [{ label: "Downloads", value: report.totals.downloads }] : []),
  ];
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-baseline justify-between gap-4">
        <h1 className="font-display text-3xl font-bold">Analytics</h1>
        <RangeNav range={range} path="/admin/analytics" />
      </div>
      <p className="max-w-3xl text-sm text-gray-600">
        Counted on this site without cookies: visitors are told apart within a day only, by a hash that cannot be traced back, and browsers that ask not to be
        tracked are not counted. Listeners are added up day by day ({report.grain === "hour" ? "hour by hour here" : "UTC days"}).{" "}
        {settings.rolledUpAt ? `Counted up to ${hour.format(settings.rolledUpAt)} UTC.` : "Nothing counted yet."}
      </p>
      <Tiles tiles={tiles} className="sm:grid-cols-3 lg:grid-cols-6" />
      <div className="grid gap-4 lg:grid-cols-2">
        <LineChart
          title={`Plays and listeners, ${RANGES[range].label.toLowerCase()}`}
          periodLabel={report.grain === "hour" ? "Hour (UTC)" : "Day"}
          labels={labels}
          series={[
            { name: "Plays", values: report.periods.map((period) => period.plays), className: "stroke-orange-500" },
            { name: "Listeners", values: report.periods.map((period) => period.listeners), className: "stroke-sky-700" },
          ]}
        />
        <LineChart
          title={`Page views and visitors, ${RANGES[range].label.toLowerCase()}`}
          periodLabel={report.grain === "hour" ? "Hour (UTC)" : "Day"}
          labels={labels}
          series={[
            { name: "Page views", values: report.periods.map((period) => period.views), className: "stroke-orange-500" },
            { name: "Visitors", values: report.periods.map((period) => period.visitors), className: "stroke-sky-700" },
            ...(settings.countDownloads
              ? [{ name: "Downloads", values: report.periods.map((period) => period.downloads), className: "stroke-emerald-600" }]
              : []),
          ]}
        />
      </div>
      <Section id="top-episodes" title="Episodes" csv="episodes" range={range}>
        {report.episodes.length ? (
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col" className={cell}>
                  Episode
                </th>
                {["Plays", "Listeners", "Listening", "Heard to the end", ...(settings.countDownloads ? ["Downloads"] : []), "Page views"].map((label) => (
                  <th key={label} scope="col" className={`${cell} text-right`}>
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.episodes.slice(0, 25).map((episode) => (
                <tr key={episode.id}>
                  <th scope="row" className={`${cell} font-normal`}>
                    <Link href={`/admin/analytics/episodes/${episode.id}?range=${range}`} className="underline">
                      {episode.title}
                    </Link>
                  </th>
                  <td className={number}>{episode.plays}</td>
                  <td className={number}>{episode.listeners}</td>
                  <td className={number}>{listeningTime(episode.heardSeconds)}</td>
                  <td className={number}>{Math.round(episode.finished * 100)}%</td>
                  {settings.countDownloads ? <td className={number}>{episode.downloads}</td> : null}
                  <td className={number}>{episode.views}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="mt-2 text-sm text-gray-600">No episode was played or visited in this time.</p>
        )}
      </Section>
      <div className="grid gap-4 lg:grid-cols-2">
        <Counts
          id="top-stories"
          label="Stories"
          csv="stories"
          range={range}
          rows={report.stories.map((story) => ({ name: story.title, events: story.events, visitors: story.visitors }))}
        />
        <Counts id="sources" label="Visits from" csv="sources" range={range} rows={report.sources} />
        <Counts id="platforms" label="Listen & watch on" csv="platforms" range={range} rows={report.platforms} />
        <Counts id="shares" label="Shared through" csv="shares" range={range} rows={report.shares} />
        <Counts id="signups" label="Newsletter sign-ups on" csv="signups" range={range} rows={report.signups.map((row) => ({ ...row, name: row.page }))} />
        <Counts id="pages" label="Other pages" csv="pages" range={range} rows={report.pages.map((row) => ({ ...row, name: row.path }))} />
      </div>
      <section aria-labelledby="analytics-settings">
        <h2 id="analytics-settings" className="font-display text-2xl font-bold">
          Settings
        </h2>
        <ActionForm action={saveAnalyticsSettings} submitLabel="Save" className="mt-3 max-w-3xl space-y-3 rounded-lg bg-white p-4 shadow-sm">
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="countDownloads" defaultChecked={settings.countDownloads} className="mt-1" />
            <span>
              Count downloads: the podcast feeds this site publishes send apps through <code>/r/…</code>, which counts a download (once per app and address a
              day, the IAB way) and redirects to the audio host.
            </span>
          </label>
          <label className="flex items-start gap-2 text-sm">
            <input type="checkbox" name="showMostListened" defaultChecked={settings.showMostListened} className="mt-1" />
            <span>Show &quot;Most listened this week&quot; on the home page.</span>
          </label>
        </ActionForm>
      </section>
    </div>
  );
}
