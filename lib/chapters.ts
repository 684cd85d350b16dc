// Chapters as podcasts publish them: the podcast namespace's chapters JSON (podcast:chapters), or timestamps written
// into the show notes ("06:30 How inspections are scheduled"), the way most hosts do. Shared by the server (episode
// pages, the feed importer) and the player, so it touches neither.
import { z } from "zod";

export interface Chapter {
  startTime: number;
  title: string;
  /** A link the chapter is about, if the chapters file gives one. */
  url?: string;
}

const MAX_CHAPTERS = 500;

const chaptersFileSchema = z.object({
  chapters: z
    .array(
      z.object({
        startTime: z.number().nonnegative().max(7 * 24 * 3600),
        title: z.string().optional(),
        url: z.string().optional(),
        // toc: false marks a chapter that only changes artwork or a link, not a place a listener jumps to.
        toc: z.boolean().optional(),
      }),
    )
    .max(10_000),
});

export class ChaptersParseError extends Error {
  override name = "ChaptersParseError";
}

/** The listed chapters of a podcast:chapters JSON file, in time order; throws ChaptersParseError on anything else. */
export function chaptersFromJson(text: string): Chapter[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch {
    throw new ChaptersParseError("the chapters file is not valid JSON");
  }
  const parsed = chaptersFileSchema.safeParse(data);
  if (!parsed.success) throw new ChaptersParseError("the chapters file has no chapters list");
  return parsed.data.chapters
    .filter((chapter) => chapter.toc !== false)
    .toSorted((a, b) => a.startTime - b.startTime)
    .slice(0, MAX_CHAPTERS)
    .map((chapter) => {
      const url = chapter.url && /^https?:\/\//i.test(chapter.url) && URL.canParse(chapter.url) ? chapter.url : undefined;
      return { startTime: chapter.startTime, title: chapter.title?.replace(/\s+/g, " ").trim().slice(0, 300) || "Untitled chapter", ...(url && { url }) };
    });
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
