"use client";

import { startTransition, useActionState } from "react";
import type { ActionState } from "@/lib/action-state";

export interface ActionFormProps {
  action: (previous: ActionState | undefined, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  /** Hidden values the action needs (ids, decisions). */
  values?: Record<string, string>;
  children?: React.ReactNode;
  className?: string;
  buttonClassName?: string;
}

/**
 * A form bound to a server action: works without JavaScript, and with it shows the answer without a reload. With
 * JavaScript the action is dispatched from onSubmit, so a refused form keeps what was typed (React resets a form
 * whose action it runs itself).
 */
export function ActionForm({ action, submitLabel, values = {}, children, className = "", buttonClassName }: ActionFormProps) {
  const [state, formAction, pending] = useActionState(action, undefined);
  const fieldErrors = Object.entries(state?.fieldErrors ?? {}).flatMap(([field, messages]) => (messages ?? []).map((message) => `${field}: ${message}`));
  return (
    <form
      action={formAction}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => formAction(data));
      }}
      className={className}
    >
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button
        type="submit"
        disabled={pending}
        className={buttonClassName ?? "rounded-md bg-ink px-3 py-1.5 text-sm font-semibold text-white hover:bg-accent-dark disabled:opacity-60"}
      >
        {pending ? "Working…" : submitLabel}
      </button>
      <p aria-live="polite" className={`text-sm ${state?.ok ? "text-green-800" : "text-red-700"}`}>
        {state?.message}
        {fieldErrors.length ? fieldErrors.join(" ") : null}
      </p>
    </form>
  );
}
