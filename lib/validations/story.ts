import "server-only";
import { z } from "zod";
import { slugify } from "@/lib/text/slug";

export const STORY_LIMITS = { title: 300, dek: 600, body: 500_000, author: 200 } as const;

export const storySlugSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((value) => slugify(value) === value, "must be lower-case words joined by hyphens");

const MAX_LABELS = 20;
const LABEL = 60;
const MAX_LINKED_EPISODES = 10;

// "Housing, City hall" → ["Housing", "City hall"]: one text field for categories, one for tags.
const labelList = (what: string) =>
  z
    .string()
    .max(2_000)
    .default("")
    .transform((value) => [
      ...new Set(
        value
          .split(",")
          .map((label) => label.replace(/\s+/g, " ").trim())
          .filter(Boolean),
      ),
    ])
    .pipe(z.array(z.string().max(LABEL, `each ${what} has at most ${LABEL} characters`)).max(MAX_LABELS, `at most ${MAX_LABELS} ${what}s`));

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .default("")
    .transform((value) => value || undefined);

const optionalUrl = z
  .string()
  .trim()
  .max(2_048)
  .default("")
  .refine((value) => !value || /^https?:\/\//i.test(value) || /^\/media\/[\w./-]+$/.test(value), "must be an http(s) address")
  .transform((value) => value || undefined);

// One linked episode per line: its slug or address, optionally "@ 12:34" for the moment the story is about.
const EPISODE_LINE = /^(?:https?:\/\/[^/\s]+)?(?:\/episodes\/)?([a-z0-9]+(?:-[a-z0-9]+)*)\/?\s*(?:@\s*(?:(\d{1,2}):)?(\d{1,3}):(\d{2}))?$/;

export interface EpisodeLinkInput {
  slug: string;
  startSeconds?: number;
}

const episodeLines = z
  .string()
  .max(5_000)
  .default("")
  .transform((value, context) => {
    const links: EpisodeLinkInput[] = [];
    for (const line of value
      .split(/\r?\n/)
      .map((text) => text.trim())
      .filter(Boolean)) {
      const match = EPISODE_LINE.exec(line);
      if (!match) {
        context.addIssue({ code: "custom", message: `"${line.slice(0, 80)}" is not an episode address or slug (optionally "@ 12:34")` });
        return z.NEVER;
      }
      const [, slug, hours, minutes, seconds] = match;
      const start = minutes === undefined ? undefined : Number(hours ?? 0) * 3600 + Number(minutes) * 60 + Number(seconds);
      if (!links.some((link) => link.slug === slug)) links.push({ slug: slug!, startSeconds: start });
    }
    return links;
  })
  .pipe(z.array(z.custom<EpisodeLinkInput>()).max(MAX_LINKED_EPISODES, `link at most ${MAX_LINKED_EPISODES} episodes`));

// <input type="datetime-local"> sends "2026-11-23T18:30" in the editor's own time zone, which the form passes on.
const publishAt = z
  .string()
  .trim()
  .max(40)
  .default("")
  .refine((value) => !value || /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/.test(value), "is not a date and time")
  .transform((value) => (value ? new Date(`${value}Z`) : undefined))
  .refine((date) => !date || !Number.isNaN(date.getTime()), "is not a date and time");

/** The story editor's form. The slug may be left empty: it is made from the title. */
export const storyFormSchema = z.object({
  id: z.string().max(40).optional(),
  title: z.string().trim().min(1, "Give the story a headline.").max(STORY_LIMITS.title),
  slug: z
    .string()
    .trim()
    .max(80)
    .default("")
    .refine((value) => !value || slugify(value) === value, "must be lower-case words joined by hyphens")
    .transform((value) => value || undefined),
  dek: z.string().trim().max(STORY_LIMITS.dek).default(""),
  body: z.string().max(STORY_LIMITS.body, "The story is too long."),
  authorName: z.string().trim().max(STORY_LIMITS.author).default(""),
  status: z.enum(["DRAFT", "PUBLISHED"]),
  /** As typed, read as UTC: the editor corrects it by timezoneOffset. */
  publishAt,
  // The browser's offset from UTC in minutes (Date#getTimezoneOffset), so a datetime-local value means the editor's time.
  timezoneOffset: z.coerce.number().int().min(-900).max(900).default(0),
  kind: z.enum(["ARTICLE", "PAGE"]).default("ARTICLE"),
  categories: labelList("category"),
  tags: labelList("tag"),
  heroImageUrl: optionalUrl,
  heroAlt: z.string().trim().max(300).default(""),
  heroCaption: optionalText(500),
  heroCredit: optionalText(200),
  audioUrl: optionalUrl,
  episodes: episodeLines,
});

export type StoryForm = z.infer<typeof storyFormSchema>;

export const HERO_IMAGE_MAX_BYTES = 10 * 1024 * 1024;
