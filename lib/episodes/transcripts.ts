// A transcript as the episode page shows it and the player follows it. Parsing the formats podcasts publish is
// lib/feeds/transcript-file.ts; this stays small (no zod) because it ships to the browser.

export interface TranscriptCue {
  /** Seconds; null when the transcript carries no timing (HTML and plain text often do not). */
  start: number | null;
  end: number | null;
  text: string;
  speaker?: string;
}

/** The index of the cue being spoken at `time`, or -1. */
export function cueIndexAt(cues: TranscriptCue[], time: number): number {
  let low = 0;
  let high = cues.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const start = cues[middle]!.start;
    if (start === null) return -1;
    if (start <= time) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

export function transcriptPlainText(cues: TranscriptCue[]): string {
  return cues.map((line) => (line.speaker ? `${line.speaker}: ${line.text}` : line.text)).join("\n");
}
