"use client";

import { useId, useState } from "react";
import { Honeypot } from "@/components/ui/honeypot";
import { track } from "@/components/analytics/track";

export interface SignUpFormProps {
  /** The page the form is on, kept with the consent. */
  source: string;
  consent: string;
  /** What was typed before a refused post without JavaScript, and what was wrong with it. */
  initial?: { email?: string; name?: string };
  errors?: { email?: string; name?: string; form?: string };
}

type Answer = { ok: boolean; message: string; fieldErrors?: { email?: string[]; name?: string[] } };

/**
 * The newsletter sign-up: a plain form posted to /api/newsletter/subscribe (it works without JavaScript), which
 * with JavaScript answers in place and keeps what was typed when something needs fixing.
 */
export function SignUpForm({ source, consent, initial = {}, errors = {} }: SignUpFormProps) {
  const id = useId();
  const [answer, setAnswer] = useState<Answer | undefined>(
    errors.form || errors.email || errors.name
      ? {
          ok: false,
          message: errors.form ?? "",
          fieldErrors: { email: errors.email ? [errors.email] : undefined, name: errors.name ? [errors.name] : undefined },
        }
      : undefined,
  );
  const [sending, setSending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSending(true);
    try {
      const response = await fetch(event.currentTarget.action, {
        method: "POST",
        body: new FormData(event.currentTarget),
        headers: { accept: "application/json" },
      });
      const answered = (await response.json()) as Answer;
      if (answered.ok) track({ kind: "signup", path: window.location.pathname });
      setAnswer(answered);
    } catch {
      setAnswer({ ok: false, message: "We could not reach the site: check your connection and try again." });
    } finally {
      setSending(false);
    }
  }

  if (answer?.ok) {
    return (
      <p role="status" className="rounded-md bg-green-50 p-4 text-green-900">
        {answer.message}
      </p>
    );
  }
  const emailError = answer?.fieldErrors?.email?.[0];
  const nameError = answer?.fieldErrors?.name?.[0];
  return (
    <form action="/api/newsletter/subscribe" method="post" onSubmit={submit} noValidate className="grid gap-3 sm:grid-cols-[2fr_1.5fr_auto] sm:items-start">
      <input type="hidden" name="source" value={source} />
      <Field
        id={`${id}-email`}
        label="E-mail"
        error={emailError}
        name="email"
        type="email"
        autoComplete="email"
        required
        maxLength={254}
        defaultValue={initial.email}
      />
      <Field
        id={`${id}-name`}
        label={
          <>
            Name <span className="font-normal text-muted">(optional)</span>
          </>
        }
        error={nameError}
        name="name"
        autoComplete="name"
        maxLength={100}
        defaultValue={initial.name}
      />
      <Honeypot />
      <button
        type="submit"
        disabled={sending}
        className="rounded-md bg-accent px-4 py-2 font-semibold text-white hover:bg-accent-dark disabled:opacity-60 sm:mt-6"
      >
        {sending ? "Signing up…" : "Subscribe"}
      </button>
      <p className="text-sm text-muted sm:col-span-3">{consent}</p>
      {answer && !answer.ok && answer.message ? (
        <p role="alert" className="text-sm text-red-700 sm:col-span-3">
          {answer.message}
        </p>
      ) : null}
    </form>
  );
}

interface FieldProps extends React.InputHTMLAttributes<HTMLInputElement> {
  id: string;
  label: React.ReactNode;
  error?: string;
}

/** A labelled input whose error, when there is one, is read out with it. */
function Field({ id, label, error, ...input }: FieldProps) {
  return (
    <label className="text-sm font-semibold">
      {label}
      <input
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="mt-1 w-full rounded-md border border-gray-300 bg-white px-3 py-2 font-normal"
      />
      {error ? (
        <span id={`${id}-error`} className="mt-1 block font-normal text-red-700">
          {error}
        </span>
      ) : null}
    </label>
  );
}
