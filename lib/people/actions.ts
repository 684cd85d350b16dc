"use server";

// What a signed-in person changes about themselves on /account.
import { z } from "zod";
import { currentViewer } from "@/lib/auth/session";
import { changeDisplayName, CommentError } from "@/lib/comments/comments";
import { displayNameFormSchema } from "@/lib/validations/people";

export interface DisplayNameState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  displayName?: string;
}

export async function chooseDisplayNameAction(_previous: DisplayNameState | undefined, form: FormData): Promise<DisplayNameState> {
  const typed = String(form.get("displayName") ?? "");
  const parsed = displayNameFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, displayName: typed };
  try {
    const refused = await changeDisplayName(await currentViewer(), parsed.data.displayName);
    return refused ? { ok: false, message: refused, displayName: typed } : { ok: true, message: `Your comments are shown as ${parsed.data.displayName}.`, displayName: parsed.data.displayName };
  } catch (error) {
    if (error instanceof CommentError) return { ok: false, message: error.message, displayName: typed };
    throw error;
  }
}
