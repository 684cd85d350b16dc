import { z } from "zod";
import { slugify } from "@/lib/slug";

export const STORY_LIMITS = { title: 300, dek: 600, body: 500_000, author: 200 } as const;

export const storySlugSchema = z
  .string()
  .trim()
  .min(1)
  .max(80)
  .refine((value) => slugify(value) === value, "must be lower-case words joined by hyphens");

/** A story as the demo content (and, later, importers) hand it over. */
export const storyInputSchema = z.object({
  slug: storySlugSchema,
  title: z.string().trim().min(1).max(STORY_LIMITS.title),
  dek: z.string().trim().max(STORY_LIMITS.dek).default(""),
  body: z.string().max(STORY_LIMITS.body),
  authorName: z.string().trim().max(STORY_LIMITS.author).default(""),
  status: z.enum(["DRAFT", "PUBLISHED"]).default("PUBLISHED"),
  publishedAt: z.coerce.date().optional(),
  heroImageUrl: z.url({ protocol: /^https?$/ }).optional(),
  heroCaption: z.string().trim().max(500).optional(),
  heroCredit: z.string().trim().max(200).optional(),
  categories: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
});

export type StoryInput = z.infer<typeof storyInputSchema>;
