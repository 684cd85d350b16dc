"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";

export interface SignInFormProps {
  callbackUrl: string;
  providers: { github: boolean; google: boolean };
}

/** E-mail magic link, and the other ways in the site is configured for. */
export function SignInForm({ callbackUrl, providers }: SignInFormProps) {
  const [sending, setSending] = useState(false);
  return (
    <div className="space-y-6">
      <form
        className="space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          setSending(true);
          // Read from the form, not from state: what was typed before the page hydrated is kept (a controlled input
          // was emptied by hydration, and the empty form then refused to submit).
          const email = String(new FormData(event.currentTarget).get("email") ?? "");
          void signIn("email", { email, callbackUrl });
        }}
      >
        <label className="block text-sm font-semibold">
          E-mail
          <input
            type="email"
            name="email"
            required
            autoComplete="email"
            className="mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 font-normal"
          />
        </label>
        <button type="submit" disabled={sending} className="rounded-md bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60">
          {sending ? "Sending…" : "E-mail me a sign-in link"}
        </button>
      </form>
      {providers.github || providers.google ? (
        <div className="space-y-2">
          <p className="text-sm text-muted">Or continue with</p>
          {providers.github ? (
            <button
              type="button"
              onClick={() => void signIn("github", { callbackUrl })}
              className="mr-3 rounded-md px-4 py-2 font-semibold ring-1 ring-black/20"
            >
              GitHub
            </button>
          ) : null}
          {providers.google ? (
            <button type="button" onClick={() => void signIn("google", { callbackUrl })} className="rounded-md px-4 py-2 font-semibold ring-1 ring-black/20">
              Google
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
