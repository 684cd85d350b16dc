"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionFailure, adminAction } from "@/lib/admin-action";
import { adminViewer } from "@/lib/admin-session";
import { requestWxrImport } from "@/lib/jobs";
import { ImageUploadError, storeHeroImage } from "@/lib/media/hero-image";
import { deleteStory, previewStoryBody, saveStory, setRelatedOverride, StoryEditError } from "@/lib/stories/editor";
import { HERO_IMAGE_MAX_BYTES, STORY_LIMITS, storyFormSchema, type StoryForm } from "@/lib/validations/story";
import type { ActionState } from "@/lib/validations/admin";

const heroUploadSchema = z
  .instanceof(File)
  .optional()
  .transform((file) => (file && file.size > 0 ? file : undefined))
  .refine((file) => !file || file.size <= HERO_IMAGE_MAX_BYTES, `The image may be at most ${HERO_IMAGE_MAX_BYTES / 1024 / 1024} MB.`);

/** Saves the editor's form; a new story continues in its own editor. */
export async function saveStoryAction(_previous: ActionState | undefined, formData: FormData): Promise<ActionState> {
  if (!(await adminViewer())) return { ok: false, message: "Your admin session has ended: sign in again." };
  const { heroImage, ...fields } = Object.fromEntries(formData);
  const parsed = storyFormSchema.safeParse(fields);
  const upload = heroUploadSchema.safeParse(heroImage ?? undefined);
  if (!parsed.success || !upload.success) {
    return {
      ok: false,
      message: "Some fields need a look.",
      fieldErrors: {
        ...(parsed.success ? {} : (z.flattenError(parsed.error).fieldErrors as ActionState["fieldErrors"])),
        ...(upload.success ? {} : { heroImage: upload.error.issues.map((issue) => issue.message) }),
      },
    };
  }
  let saved;
  try {
    const hero = upload.data ? await storeHeroImage(upload.data) : undefined;
    saved = await saveStory(parsed.data as StoryForm, { hero });
  } catch (error) {
    if (error instanceof StoryEditError || error instanceof ImageUploadError) return { ok: false, message: error.message };
    throw error;
  }
  revalidatePath("/admin/stories");
  if (!parsed.data.id) redirect(`/admin/stories/${saved.id}?saved=1`);
  return { ok: true, message: saved.state === "draft" ? "Draft saved." : saved.state === "scheduled" ? "Saved: it goes live at its publish time." : `Published at /stories/${saved.slug}.` };
}

const previewSchema = z.string().max(STORY_LIMITS.body);

/** The live preview: the body rendered and sanitized exactly as the page will show it. */
export async function previewStoryAction(body: string, format: "MARKDOWN" | "HTML"): Promise<string> {
  if (!(await adminViewer())) return "";
  const parsed = previewSchema.safeParse(body);
  return parsed.success ? previewStoryBody(parsed.data, format === "HTML" ? "HTML" : "MARKDOWN") : "";
}

export const deleteStoryAction = adminAction(z.object({ storyId: z.string().min(1).max(40) }), async ({ storyId }) => {
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

export const relatedOverrideAction = adminAction(overrideSchema, async (input) => {
  try {
    await setRelatedOverride({ kind: input.sourceKind, slug: input.sourceSlug }, { kind: input.targetKind, slug: input.targetSlug }, input.decision === "reset" ? null : input.decision === "pin");
  } catch (error) {
    if (error instanceof StoryEditError) throw new ActionFailure(error.message);
    throw error;
  }
  return input.decision === "pin" ? "Pinned: it comes first in the list." : input.decision === "hide" ? "Hidden from the list." : "Back to the ranking.";
});

export const startWxrImportAction = adminAction(z.object({ importId: z.string().min(1).max(40) }), async ({ importId }) => {
  await requestWxrImport(importId);
  revalidatePath(`/admin/stories/import/${importId}`);
  return "Import started.";
});
