// Transcripts as podcasts publish them (SRT, WebVTT, JSON, HTML, text) read into one shape. Lenient about layout,
// strict about size: it is text from someone else's server.
import "server-only";
import { z } from "zod";
import type { TranscriptCue } from "@/lib/episodes/transcripts";

export const TRANSCRIPT_LIMITS = { cues: 20_000, cueText: 2_000, speaker: 200, mergedCue: 280 } as const;

export class TranscriptParseError extends Error {
  override name = "TranscriptParseError";
}

export type TranscriptFormat = "vtt" | "srt" | "json" | "html" | "text";

/** The format a podcast:transcript type names, or undefined for one we do not read (PDF and the like). */
export function transcriptFormat(type: string): TranscriptFormat | undefined {
  const mime = type.toLowerCase().split(";")[0]!.trim();
  if (mime === "text/vtt") return "vtt";
  if (["application/srt", "application/x-subrip", "text/srt", "application/x-srt", "text/x-srt"].includes(mime)) return "srt";
  if (mime === "application/json") return "json";
  if (mime === "text/html") return "html";
  if (mime === "text/plain") return "text";
  return undefined;
}

// Timed formats first (they let the page follow the audio), then the namespace's JSON for its speakers.
const FORMAT_PREFERENCE: TranscriptFormat[] = ["json", "vtt", "srt", "html", "text"];

/** The transcript worth showing among those a feed lists: a readable format, timed if any is, in the show's language. */
export function chooseTranscript<T extends { type: string; language?: string }>(transcripts: T[], language?: string | null): T | undefined {
  const rank = (transcript: T) => {
    const format = transcriptFormat(transcript.type);
    if (!format) return Number.POSITIVE_INFINITY;
    const languageMiss = language && transcript.language && !sameLanguage(transcript.language, language) ? 10 : 0;
    return FORMAT_PREFERENCE.indexOf(format) + languageMiss;
  };
  const ranked = transcripts.map((transcript) => ({ transcript, rank: rank(transcript) })).filter(({ rank }) => Number.isFinite(rank));
  ranked.sort((a, b) => a.rank - b.rank);
  return ranked[0]?.transcript;
}

function sameLanguage(a: string, b: string): boolean {
  return a.toLowerCase().split("-")[0] === b.toLowerCase().split("-")[0];
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

function plainText(markup: string): string {
  return markup
    .replace(/<\/?(?:a|b|i|u|em|strong|span|mark|small|sub|sup|c|ruby|rt)\b[^>]*>/gi, "")
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (entity, name: string) => {
      if (name[0] === "#") {
        const code = name[1]?.toLowerCase() === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : " ";
      }
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .replace(/\s+/g, " ")
    .trim();
}

/** "01:02:03,500", "01:02:03.5", "02:03.500", "0:00", "75.2" → seconds. */
export function parseTimestamp(raw: string): number | undefined {
  const match = /^\s*(?:(\d+):)?(?:(\d{1,2}):)?(\d{1,2}(?:[.,]\d+)?)\s*$/.exec(raw);
  if (!match) return undefined;
  const [, first, second, rest] = match;
  const hours = second !== undefined ? Number(first) : 0;
  const minutes = second !== undefined ? Number(second) : Number(first ?? 0);
  const seconds = Number(rest!.replace(",", "."));
  const total = hours * 3600 + minutes * 60 + seconds;
  return Number.isFinite(total) ? total : undefined;
}

function cue(start: number | null, end: number | null, text: string, speaker?: string): TranscriptCue | undefined {
  const clean = text.slice(0, TRANSCRIPT_LIMITS.cueText).trim();
  if (!clean) return undefined;
  const who = speaker?.replace(/:\s*$/, "").trim().slice(0, TRANSCRIPT_LIMITS.speaker);
  return { start, end, text: clean, ...(who && { speaker: who }) };
}

// SRT and WebVTT: blocks separated by blank lines, each with a "start --> end" line and its text.
function parseCaptions(text: string): TranscriptCue[] {
  const cues: TranscriptCue[] = [];
  for (const block of text.replace(/\r\n?/g, "\n").split(/\n{2,}/)) {
    const lines = block.split("\n");
    const timing = lines.findIndex((line) => line.includes("-->"));
    if (timing < 0) continue;
    const [from, to] = lines[timing]!.split("-->");
    const start = parseTimestamp(from!);
    const end = parseTimestamp((to ?? "").trim().split(/\s+/)[0] ?? "");
    if (start === undefined) continue;
    const body = lines.slice(timing + 1).join("\n");
    const voice = /<v(?:\.[^\s>]*)?\s+([^>]+)>/.exec(body)?.[1];
    const labelled = /^\s*(?:-\s*)?([A-Z][\w .'-]{0,40}):\s+(.*)$/s.exec(plainText(body));
    const made = voice ? cue(start, end ?? null, plainText(body), voice) : cue(start, end ?? null, plainText(body));
    if (made) cues.push(!voice && labelled ? { ...made, speaker: labelled[1]!.trim(), text: labelled[2]!.trim() } : made);
  }
  return cues;
}

const jsonTranscriptSchema = z.object({
  segments: z.array(
    z.object({
      startTime: z.number().nonnegative().optional(),
      endTime: z.number().nonnegative().optional(),
      body: z.string(),
      speaker: z.string().optional(),
    }),
  ),
});

function parseJson(text: string): TranscriptCue[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new TranscriptParseError("the JSON transcript is not valid JSON");
  }
  const parsed = jsonTranscriptSchema.safeParse(data);
  if (!parsed.success) throw new TranscriptParseError("the JSON transcript has no segments list");
  return parsed.data.segments.flatMap((segment) => cue(segment.startTime ?? null, segment.endTime ?? null, plainText(segment.body), segment.speaker) ?? []);
}

// The namespace's HTML transcript: <cite>Speaker:</cite> <time>0:00</time> <p>words</p>, repeated; or just paragraphs.
function parseHtml(text: string): TranscriptCue[] {
  const cues: TranscriptCue[] = [];
  let speaker: string | undefined;
  let start: number | null = null;
  const body = text.replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, "");
  for (const match of body.matchAll(/<(cite|time|p)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi)) {
    const tag = match[1]!.toLowerCase();
    const content = plainText(match[2]!);
    if (tag === "cite") speaker = content;
    else if (tag === "time") start = parseTimestamp(content) ?? null;
    else {
      const made = cue(start, null, content, speaker);
      if (made) cues.push(made);
      start = null;
    }
  }
  if (cues.length) return cues;
  return body
    .replace(/^[\s\S]*<body[^>]*>/i, "")
    .split(/<\/(?:p|div|li|h\d|blockquote)\s*>|<br\s*\/?>/i)
    .flatMap((paragraph) => cue(null, null, plainText(paragraph)) ?? []);
}

function parseText(text: string): TranscriptCue[] {
  return text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .flatMap((paragraph) => cue(null, null, paragraph.replace(/\s+/g, " ")) ?? []);
}

// Captions come a few words at a time; lines of about a sentence or two read better and keep the page small.
function mergeShortCues(cues: TranscriptCue[]): TranscriptCue[] {
  const merged: TranscriptCue[] = [];
  for (const next of cues) {
    const last = merged.at(-1);
    const sentenceEnded = last && /[.!?…]["')\]]?$/.test(last.text);
    if (
      last &&
      last.speaker === next.speaker &&
      !sentenceEnded &&
      last.text.length + next.text.length < TRANSCRIPT_LIMITS.mergedCue &&
      (last.start === null) === (next.start === null)
    ) {
      merged[merged.length - 1] = { ...last, end: next.end ?? last.end, text: `${last.text} ${next.text}` };
    } else merged.push(next);
  }
  return merged;
}

/** Reads a transcript into cues in time order; throws TranscriptParseError when nothing readable is in it. */
export function parseTranscript(text: string, format: TranscriptFormat): TranscriptCue[] {
  const body = text.replace(/^\uFEFF/, "");
  const cues = { vtt: parseCaptions, srt: parseCaptions, json: parseJson, html: parseHtml, text: parseText }[format](body);
  if (!cues.length) throw new TranscriptParseError(`no ${format.toUpperCase()} transcript lines were found`);
  const timed = cues.every((line) => line.start !== null);
  const ordered = timed ? [...cues].sort((a, b) => a.start! - b.start!) : cues;
  const result = mergeShortCues(ordered);
  if (result.length > TRANSCRIPT_LIMITS.cues) throw new TranscriptParseError(`the transcript has more than ${TRANSCRIPT_LIMITS.cues} lines`);
  return result;
}
