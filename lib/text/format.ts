/** "58 min", "1 h 4 min"; for people, not machines. */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds == null) return "";
  const minutes = Math.round(seconds / 60);
  if (minutes < 1) return `${seconds} s`;
  const hours = Math.floor(minutes / 60);
  return hours ? `${hours} h ${minutes % 60} min` : `${minutes} min`;
}

/** ISO 8601 duration for machine-readable markup: 3723 → "PT1H2M3S". */
export function isoDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `PT${h ? `${h}H` : ""}${m ? `${m}M` : ""}${s || (!h && !m) ? `${s}S` : ""}`;
}

const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });

export function formatDate(date: Date | null | undefined): string {
  return date ? dateFormat.format(date) : "";
}

/** "S2 · E8", "Trailer", "Bonus"; empty when the feed gave no numbering. */
export function episodeLabel(episode: { season: number | null; number: number | null; episodeType: string }): string {
  if (episode.episodeType === "TRAILER") return episode.season ? `S${episode.season} · Trailer` : "Trailer";
  if (episode.episodeType === "BONUS") return episode.season ? `S${episode.season} · Bonus` : "Bonus";
  return [episode.season ? `S${episode.season}` : "", episode.number ? `E${episode.number}` : ""].filter(Boolean).join(" · ");
}

/** "12:34", "1:02:03": a moment in an episode. */
export function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  const pad = (value: number) => String(value).padStart(2, "0");
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}
