export interface BarChartProps {
  title: string;
  /** What one bar counts, for the table behind the chart ("New subscribers"). */
  valueLabel: string;
  bars: { label: string; value: number }[];
}

/** A small bar chart drawn on the server (no script), with its numbers in a table for screen readers and copying. */
export function BarChart({ title, valueLabel, bars }: BarChartProps) {
  const width = 320;
  const height = 80;
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const step = width / Math.max(1, bars.length);
  return (
    <figure className="rounded-lg bg-white p-4 shadow-sm">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height + 16}`} className="mt-2 w-full" aria-hidden="true">
        {bars.map((bar, index) => {
          const barHeight = Math.round((bar.value / max) * height);
          return (
            <g key={bar.label}>
              <rect x={index * step + 4} y={height - barHeight} width={step - 8} height={Math.max(barHeight, 1)} rx="3" className="fill-orange-500" />
              <text x={index * step + step / 2} y={height + 13} textAnchor="middle" className="fill-gray-500 text-[9px]">
                {bar.label}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">{valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label}>
              <th scope="row">{bar.label}</th>
              <td>{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
