export interface ChartNumbersProps {
  /** The chart's title, as the table's caption. */
  title: string;
  /** The first column's heading, then one per value column. */
  columns: string[];
  rows: { label: string; values: (string | number)[] }[];
  className?: string;
}

/** The numbers behind a chart, in a table under "Show the numbers": for screen readers, and for reading exactly. */
export function ChartNumbers({ title, columns: [first, ...values], rows, className = "w-full" }: ChartNumbersProps) {
  return (
    <details className="mt-2 text-sm">
      <summary className="cursor-pointer text-gray-600">Show the numbers</summary>
      <table className={`mt-2 text-left ${className}`}>
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {values.map((column) => (
              <th key={column} scope="col" className="text-right">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row" className="font-normal tabular-nums">
                {row.label}
              </th>
              {row.values.map((value, index) => (
                <td key={values[index]} className="text-right tabular-nums">
                  {value}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
