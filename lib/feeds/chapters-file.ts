// The podcast namespace's chapters file (podcast:chapters, JSON): read at import, validated, and stored with the
// episode as plain chapters.
import "server-only";
import { z } from "zod";
import type { Chapter } from "@/lib/episodes/chapters";
import { cutText } from "@/lib/text/safe-text";

const MAX_CHAPTERS = 500;

const chaptersFileSchema = z.object({
  chapters: z
    .array(
      z.object({
        startTime: z
          .number()
          .nonnegative()
          .max(7 * 24 * 3600),
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
      return { startTime: chapter.startTime, title: cutText(chapter.title?.replace(/\s+/g, " ").trim() ?? "", 300) || "Untitled chapter", ...(url && { url }) };
    });
}
