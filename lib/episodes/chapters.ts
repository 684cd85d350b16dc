// Chapters written as timestamps in show notes, and the chapter playing at a moment. Shared by pages and the player,
// so it stays small and server-free (no zod: it ships to the browser).

export interface Chapter {
  startTime: number;
  title: string;
  /** A link the chapter is about, if the chapters file gives one. */
  url?: string;
}

const TIMESTAMP_LINE = /^\s*[([]?((?:\d{1,2}:)?\d{1,2}:\d{2})[)\]]?\s*[-–—:|]?\s*(.{2,200})$/;
const ENTITIES: Record<string, string> = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&nbsp;": " " };

function seconds(clock: string): number {
  return clock.split(":").reduce((total, part) => total * 60 + Number(part), 0);
}

/** The chapters in sanitized show notes: at least two timestamped lines, in increasing order; else none. */
export function chaptersFromNotes(notesHtml: string): Chapter[] {
  const text = notesHtml
    .replace(/<\/(p|li|h\d|blockquote)>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (entity) => ENTITIES[entity] ?? entity);
  const chapters: Chapter[] = [];
  for (const line of text.split("\n")) {
    const match = TIMESTAMP_LINE.exec(line);
    if (!match) continue;
    const startTime = seconds(match[1]!);
    if (chapters.length && startTime <= chapters.at(-1)!.startTime) return [];
    chapters.push({ startTime, title: match[2]!.trim() });
  }
  return chapters.length >= 2 ? chapters : [];
}

/** The chapter playing at `time`, if any. */
export function chapterAt(chapters: Chapter[], time: number): Chapter | undefined {
  return chapters.findLast((chapter) => chapter.startTime <= time);
}
