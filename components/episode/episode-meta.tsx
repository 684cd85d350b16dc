import { episodeLabel, formatDate, formatDuration } from "@/lib/text/format";

export interface EpisodeMetaProps {
  publishedAt: Date;
  durationSeconds: number | null;
  season: number | null;
  number: number | null;
  episodeType: string;
}

export function EpisodeMeta(props: EpisodeMetaProps) {
  const parts = [episodeLabel(props), formatDuration(props.durationSeconds)].filter(Boolean);
  return (
    <p className="text-sm text-muted">
      <time dateTime={props.publishedAt.toISOString()}>{formatDate(props.publishedAt)}</time>
      {parts.map((part) => (
        <span key={part}> · {part}</span>
      ))}
    </p>
  );
}
