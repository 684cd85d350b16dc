"use server";

// The admin's story pages: the editor's save and live preview, deletion, related-list pins, WordPress imports.
import "server-only";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/actions";
import { adminViewer } from "@/lib/auth/admin-session";
import { requestWxrImport } from "@/lib/jobs";
import { storeHeroImage } from "@/lib/media/hero-image";
import { deleteStory, previewStoryBody, saveStory, setRelatedOverride } from "@/lib/stories/editor";
import { HERO_IMAGE_MAX_BYTES, STORY_LIMITS, storyFormSchema, type StoryForm } from "@/lib/validations/story";

const heroUploadSchema = z
  .instanceof(File)
  .optional()
  .transform((file) => (file && file.size > 0 ? file : undefined))
  .refine((file) => !file || file.size <= HERO_IMAGE_MAX_BYTES, `The image may be at most ${HERO_IMAGE_MAX_BYTES / 1024 / 1024} MB.`);

/** Saves the editor's form; a new story continues in its own editor. */
export const saveStoryAction = action({ auth: "admin", schema: storyFormSchema.extend({ heroImage: heroUploadSchema }) }, async ({ heroImage, ...form }) => {
  const hero = heroImage ? await storeHeroImage(heroImage) : undefined;
  const saved = await saveStory(form as StoryForm, { hero });
  revalidatePath("/admin/stories");
  if (!form.id) redirect(`/admin/stories/${saved.id}?saved=1`);
  return saved.state === "draft"
    ? "Draft saved."
    : saved.state === "scheduled"
      ? "Saved: it goes live at its publish time."
      : `Published at /stories/${saved.slug}.`;
});

const previewSchema = z.string().max(STORY_LIMITS.body);

/** The live preview: the body rendered and sanitized exactly as the page will show it. */
export async function previewStoryAction(body: string, format: "MARKDOWN" | "HTML"): Promise<string> {
  if (!(await adminViewer())) return "";
  const parsed = previewSchema.safeParse(body);
  return parsed.success ? previewStoryBody(parsed.data, format === "HTML" ? "HTML" : "MARKDOWN") : "";
}

export const deleteStoryAction = action({ auth: "admin", schema: z.object({ storyId: z.string().min(1).max(40) }) }, async ({ storyId }) => {
  await deleteStory(storyId);
  redirect("/admin/stories");
});

const overrideSchema = z.object({
  sourceKind: z.enum(["EPISODE", "STORY"]),
  sourceSlug: z.string().trim().min(1, "Give the slug of the page whose list this is.").max(200),
  targetKind: z.enum(["EPISODE", "STORY"]),
  targetSlug: z.string().trim().min(1, "Give the slug of the episode or story.").max(200),
  decision: z.enum(["pin", "hide", "reset"]),
});

export const relatedOverrideAction = action({ auth: "admin", schema: overrideSchema }, async (input) => {
  await setRelatedOverride(
    { kind: input.sourceKind, slug: input.sourceSlug },
    { kind: input.targetKind, slug: input.targetSlug },
    input.decision === "reset" ? null : input.decision === "pin",
  );
  return input.decision === "pin" ? "Pinned: it comes first in the list." : input.decision === "hide" ? "Hidden from the list." : "Back to the ranking.";
});

export const startWxrImportAction = action({ auth: "admin", schema: z.object({ importId: z.string().min(1).max(40) }) }, async ({ importId }) => {
  await requestWxrImport(importId);
  revalidatePath(`/admin/stories/import/${importId}`);
  return "Import started.";
});
