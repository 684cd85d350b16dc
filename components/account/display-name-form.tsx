"use client";

import { useActionState } from "react";
import { chooseDisplayNameAction } from "@/lib/people/actions";
import { DISPLAY_NAME_MAX } from "@/lib/validations/people";

/** The name the reader's comments are shown by: theirs to choose and change. */
export function DisplayNameForm({ name, chosen }: { name: string; chosen: boolean }) {
  const [result, action, pending] = useActionState(chooseDisplayNameAction, undefined);
  const error = result?.fieldErrors?.displayName?.[0];
  return (
    <form action={action} className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
      <h2 className="font-semibold">Your name</h2>
      <p className="text-sm text-muted">
        {chosen ? "Shown with your comments." : "Shown with your comments: a name we made up until you choose one."} Never your e-mail address.
      </p>
      <label className="block text-sm font-semibold">
        Your name, as others see it
        <input
          name="displayName"
          required
          maxLength={DISPLAY_NAME_MAX}
          defaultValue={result?.values?.displayName ?? name}
          aria-invalid={error || (result && !result.ok) ? true : undefined}
          className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 font-normal"
        />
      </label>
      <button type="submit" disabled={pending} className="rounded-md bg-ink px-3 py-1.5 text-sm font-semibold text-white">
        Save name
      </button>
      <p aria-live="polite" className={`text-sm ${result?.ok ? "text-green-800" : "text-red-700"}`}>
        {error ?? result?.message}
      </p>
    </form>
  );
}
