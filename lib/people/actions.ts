"use server";

// What a signed-in person changes about themselves on /account.
import "server-only";
import { action } from "@/lib/actions";
import { changeDisplayName } from "./accounts";
import { AppError } from "@/lib/errors";
import { displayNameFormSchema } from "@/lib/validations/people";

export const chooseDisplayNameAction = action({ auth: "viewer", schema: displayNameFormSchema, keep: ["displayName"] }, async ({ displayName }, viewer) => {
  const refused = await changeDisplayName(viewer, displayName);
  if (refused) throw new AppError("invalid", refused);
  return { message: `Your comments are shown as ${displayName}.`, values: { displayName } };
});
