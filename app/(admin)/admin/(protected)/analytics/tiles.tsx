import { formatDuration } from "@/lib/text/format";

/** Time listened, as the tiles and tables show it. */
export function listeningTime(seconds: number): string {
  return seconds ? formatDuration(seconds) : "0 min";
}

/** The headline numbers of an analytics page. */
export function Tiles({ tiles, className }: { tiles: { label: string; value: string | number }[]; className: string }) {
  return (
    <dl className={`grid grid-cols-2 gap-3 ${className}`}>
      {tiles.map((tile) => (
        <div key={tile.label} className="rounded-lg bg-white p-4 shadow-sm">
          <dt className="text-sm text-gray-600">{tile.label}</dt>
          <dd className="font-display text-2xl font-bold tabular-nums">{tile.value}</dd>
        </div>
      ))}
    </dl>
  );
}
