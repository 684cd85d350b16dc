import Link from "next/link";
import { RANGES, type AnalyticsRange } from "@/lib/analytics/reports";

export function RangeNav({ range, path }: { range: AnalyticsRange; path: string }) {
  return (
    <nav aria-label="Time range" className="flex flex-wrap gap-2 text-sm">
      {Object.entries(RANGES).map(([key, { label }]) => (
        <Link
          key={key}
          href={`${path}?range=${key}`}
          aria-current={key === range ? "page" : undefined}
          className="rounded-full bg-white px-3 py-1 shadow-sm ring-1 ring-black/10 aria-[current=page]:bg-ink aria-[current=page]:text-white"
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}
