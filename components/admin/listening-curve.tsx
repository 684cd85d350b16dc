import { formatClock } from "@/lib/text/format";
import { ChartNumbers } from "./chart-numbers";

export interface ListeningCurveProps {
  title: string;
  length: number;
  curve: number[];
  runs: { from: number; to: number; listeners: number }[];
  chapters: { startTime: number; title: string }[];
}

const WIDTH = 800;
const HEIGHT = 180;
// Past this many stretches the table lists fixed slices of the episode instead, with the most listeners in each.
const MOST_ROWS = 200;

function rows(props: ListeningCurveProps): { from: number; to: number; listeners: number }[] {
  if (props.runs.length <= MOST_ROWS) return props.runs;
  const size = Math.ceil(props.length / 100);
  return Array.from({ length: Math.ceil(props.length / size) }, (_, index) => {
    const from = index * size;
    const to = Math.min(props.length, from + size);
    return { from, to, listeners: Math.max(0, ...props.curve.slice(from, to)) };
  });
}

/** How many listeners heard each moment of an episode, with its chapters marked; the exact stretches in a table. */
export function ListeningCurve(props: ListeningCurveProps) {
  const { title, length, curve, chapters } = props;
  const seconds = Math.max(1, length);
  const max = Math.max(1, ...curve);
  const x = (second: number) => (second / seconds) * WIDTH;
  const y = (listeners: number) => HEIGHT - (listeners / max) * (HEIGHT - 10);
  // One point per pixel column at most, keeping each column's highest count.
  const columns = Math.min(seconds, WIDTH);
  const points = Array.from({ length: columns }, (_, column) => {
    const from = Math.floor((column / columns) * seconds);
    const to = Math.max(from + 1, Math.floor(((column + 1) / columns) * seconds));
    return `${x(from).toFixed(1)},${y(Math.max(0, ...curve.slice(from, to).map((value) => value ?? 0))).toFixed(1)}`;
  });
  return (
    <figure className="rounded-lg bg-white p-4 shadow-sm">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`} className="mt-2 w-full" aria-hidden="true">
        <polygon points={`0,${HEIGHT} ${points.join(" ")} ${WIDTH},${HEIGHT}`} className="fill-orange-200 stroke-orange-500" strokeWidth="1.5" />
        {chapters.map((chapter) => (
          <g key={chapter.startTime}>
            <line x1={x(chapter.startTime)} y1="0" x2={x(chapter.startTime)} y2={HEIGHT} className="stroke-gray-400" strokeDasharray="3 3" />
            <title>{`${formatClock(chapter.startTime)} ${chapter.title}`}</title>
          </g>
        ))}
        <text x="2" y="10" className="fill-gray-500 text-[10px]">
          {max}
        </text>
        <text x="0" y={HEIGHT + 14} className="fill-gray-500 text-[10px]">
          0:00
        </text>
        <text x={WIDTH} y={HEIGHT + 14} textAnchor="end" className="fill-gray-500 text-[10px]">
          {formatClock(seconds)}
        </text>
      </svg>
      <ChartNumbers
        title={title}
        columns={["Stretch", "Listeners"]}
        rows={rows(props).map((row) => ({ label: `${formatClock(row.from)}–${formatClock(row.to)}`, values: [row.listeners] }))}
        className="w-full max-w-md"
      />
    </figure>
  );
}
