// The one way admin mutations are made: check the admin session, validate the form with zod, run, and answer in
// the shape useActionState expects. Expected failures come back as messages; anything else throws.
import { z } from "zod";
import { adminViewer } from "@/lib/admin-session";
import type { Admin } from "@/lib/auth/staff";
import type { ActionState } from "@/lib/validations/admin";

export class ActionFailure extends Error {
  override name = "ActionFailure";
}

export function adminAction<Schema extends z.ZodType<Record<string, unknown>>>(
  schema: Schema,
  run: (input: z.infer<Schema>, admin: Admin) => Promise<string | void>,
) {
  return async (_previous: ActionState | undefined, formData: FormData): Promise<ActionState> => {
    const admin = await adminViewer();
    if (!admin) return { ok: false, message: "Your admin session has ended: sign in again." };
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as ActionState["fieldErrors"] };
    try {
      const message = await run(parsed.data, admin);
      return { ok: true, message: message ?? undefined };
    } catch (error) {
      if (error instanceof ActionFailure) return { ok: false, message: error.message };
      throw error;
    }
  };
}
