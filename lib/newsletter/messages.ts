// What the sign-up answers, shared by the JSON answer and the pages a browser without JavaScript is sent to.

import "server-only";
/** Said to every accepted sign-up, whatever the address's state: the form tells nobody who subscribes. */
export const SIGN_UP_ACCEPTED =
  "Almost done: we have sent you an e-mail. Click the link in it to confirm your subscription. Nothing there after a few minutes? Look in your spam folder.";

export const SIGN_UP_THROTTLED = "Too many sign-ups from your network just now: please try again in an hour.";

/** Where a refused sign-up without JavaScript goes: the newsletter page, with what was typed. */
export function signUpErrorPath(form: Record<string, string>, reason: "invalid" | "throttled"): string {
  const query = new URLSearchParams({ error: reason, email: (form.email ?? "").slice(0, 300), name: (form.name ?? "").slice(0, 200) });
  return `/newsletter?${query.toString()}#newsletter-form`;
}
