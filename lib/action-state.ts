// What a server action answers (lib/actions.ts), in a module client components can import.
export interface ActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** The `keep` fields as typed, given back with a refusal. */
  values?: Record<string, string>;
  /** What the work reports besides its message (a comment's moderation status). */
  status?: string;
}

/** The line a small form shows: the answer's message, else its first field's complaint. */
export function answerLine(state: ActionState | undefined): string | undefined {
  return state?.message ?? Object.values(state?.fieldErrors ?? {}).flat()[0];
}
