import { ChartNumbers } from "./chart-numbers";

export interface LineChartProps {
  title: string;
  /** What the table's first column lists ("Day", "Hour"). */
  periodLabel: string;
  labels: string[];
  series: { name: string; values: number[]; className: string }[];
}

const WIDTH = 640;
const HEIGHT = 160;
const LABEL_EVERY = 6;

/** Lines over time, drawn on the server (no script), with their numbers in a table. */
export function LineChart({ title, periodLabel, labels, series }: LineChartProps) {
  const max = Math.max(1, ...series.flatMap((line) => line.values));
  const step = WIDTH / Math.max(1, labels.length - 1);
  const y = (value: number) => HEIGHT - (value / max) * (HEIGHT - 8);
  const labelEvery = Math.max(1, Math.ceil(labels.length / LABEL_EVERY));
  return (
    <figure className="rounded-lg bg-white p-4 shadow-sm">
      <figcaption className="flex flex-wrap items-baseline gap-x-4 text-sm font-semibold">
        {title}
        {series.map((line) => (
          <span key={line.name} className="flex items-center gap-1 font-normal text-gray-600">
            <svg width="16" height="4" aria-hidden="true">
              <line x1="0" y1="2" x2="16" y2="2" strokeWidth="3" className={line.className} />
            </svg>
            {line.name}
          </span>
        ))}
      </figcaption>
      <svg viewBox={`-4 0 ${WIDTH + 8} ${HEIGHT + 18}`} className="mt-2 w-full" aria-hidden="true">
        <line x1="0" y1={HEIGHT} x2={WIDTH} y2={HEIGHT} className="stroke-gray-300" />
        <text x="0" y="10" className="fill-gray-500 text-[10px]">
          {max}
        </text>
        {series.map((line) => (
          <polyline
            key={line.name}
            fill="none"
            strokeWidth="2"
            strokeLinejoin="round"
            className={line.className}
            points={line.values.map((value, index) => `${(index * step).toFixed(1)},${y(value).toFixed(1)}`).join(" ")}
          />
        ))}
        {labels.map((label, index) =>
          index % labelEvery === 0 ? (
            <text key={label} x={index * step} y={HEIGHT + 14} textAnchor="middle" className="fill-gray-500 text-[10px]">
              {label}
            </text>
          ) : null,
        )}
      </svg>
      <ChartNumbers
        title={title}
        columns={[periodLabel, ...series.map((line) => line.name)]}
        rows={labels.map((label, index) => ({ label, values: series.map((line) => line.values[index] ?? 0) }))}
      />
    </figure>
  );
}
