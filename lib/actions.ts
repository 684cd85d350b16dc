// The one way a form reaches the server: who may, the form through zod, the work, and an answer useActionState keeps.
// A refusal (AppError) is a message, and the `keep` fields come back with it, so nothing typed is lost.
import "server-only";
import { z } from "zod";
import { adminViewer, moderatorViewer } from "@/lib/auth/admin-session";
import { currentViewer, type Viewer } from "@/lib/auth/session";
import type { Admin, Moderator } from "@/lib/auth/staff";
import { AppError } from "@/lib/errors";
import type { ActionState } from "@/lib/action-state";

interface Caller {
  admin: Admin;
  moderator: Moderator;
  viewer: Viewer | null;
  /** Anyone: the admin's sign-in. */
  anyone: undefined;
}

type Answer = string | void | Omit<ActionState, "ok">;

/** A form's fields as an object; a name sent more than once (ticked boxes) is an array. */
export function formFields(form: FormData): Record<string, FormDataEntryValue | FormDataEntryValue[]> {
  const fields: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name);
    fields[name] = values.length === 1 ? values[0]! : values;
  }
  return fields;
}

const SESSION_ENDED: Record<"admin" | "moderator", string> = {
  admin: "Your admin session has ended: sign in again.",
  moderator: "Sign in as a moderator to do that.",
};

export function action<Schema extends z.ZodType<Record<string, unknown>>, Auth extends keyof Caller>(
  options: { auth: Auth; schema: Schema; keep?: readonly string[] },
  run: (input: z.infer<Schema>, caller: Caller[Auth]) => Promise<Answer>,
) {
  return async (_previous: ActionState | undefined, form: FormData): Promise<ActionState> => {
    const values = options.keep && Object.fromEntries(options.keep.filter((name) => form.has(name)).map((name) => [name, String(form.get(name))]));
    const caller =
      options.auth === "admin"
        ? await adminViewer()
        : options.auth === "moderator"
          ? await moderatorViewer()
          : options.auth === "viewer"
            ? await currentViewer()
            : undefined;
    if (!caller && (options.auth === "admin" || options.auth === "moderator"))
      return { ok: false, message: SESSION_ENDED[options.auth as "admin" | "moderator"], values };
    const parsed = options.schema.safeParse(formFields(form));
    if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors as ActionState["fieldErrors"], values };
    try {
      const answer = await run(parsed.data, caller as Caller[Auth]);
      return typeof answer === "object" ? { ok: true, ...answer } : { ok: true, message: answer ?? undefined };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, message: error.message, values };
      throw error;
    }
  };
}
