"use client";

import { signOut } from "next-auth/react";
import { useActionState } from "react";
import { answerLine } from "@/lib/action-state";
import { deleteAccountAction } from "@/lib/comments/actions";

/** Sign out, and delete the account (the server deletes the sessions with it and clears the cookie). */
export function AccountActions() {
  const [result, action, pending] = useActionState(async (previous: Awaited<ReturnType<typeof deleteAccountAction>> | undefined, form: FormData) => {
    const answer = await deleteAccountAction(previous, form);
    // A whole new page, not a client navigation: nothing of the deleted account stays in memory.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (answer.ok) window.location.assign("/");
    return answer;
  }, undefined);
  return (
    <div className="space-y-8">
      <button type="button" onClick={() => void signOut({ callbackUrl: "/" })} className="rounded-md bg-ink px-4 py-2 font-semibold text-white">
        Sign out
      </button>
      <form action={action} className="space-y-2 rounded-lg bg-white p-4 shadow-sm">
        <h2 className="font-semibold">Delete my account</h2>
        <p className="text-sm text-muted">Your sign-in, sessions and likes are deleted. Your comments stay, shown as from a deleted user.</p>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="confirm" /> Yes, delete my account
        </label>
        <button type="submit" disabled={pending} className="rounded-md border border-red-700 px-3 py-1.5 text-sm font-semibold text-red-800">
          Delete my account
        </button>
        <p aria-live="polite" className={`text-sm ${result?.ok ? "text-green-800" : "text-red-700"}`}>
          {answerLine(result)}
        </p>
      </form>
    </div>
  );
}
