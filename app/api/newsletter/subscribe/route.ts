// The sign-up box's target: with JavaScript the box reads the JSON answer in place; without, the browser follows the
// redirect to a page that says the same.
import { after } from "next/server";
import { z } from "zod";
import { clientAddress } from "@/lib/http/client-address";
import { fromThisSite, readForm, seeOther, wantsJson } from "@/lib/http/forms";
import { siteMailer } from "@/lib/mail/mailer";
import { SIGN_UP_ACCEPTED, SIGN_UP_THROTTLED, signUpErrorPath } from "@/lib/newsletter/messages";
import { signUp } from "@/lib/newsletter/subscriptions";
import { signUpSchema } from "@/lib/validations/newsletter";

function refused(request: Request, status: number, message: string, form: Record<string, string>, fieldErrors: Record<string, string[] | undefined> = {}) {
  if (wantsJson(request)) return Response.json({ ok: false, message, fieldErrors }, { status, headers: { "cache-control": "no-store" } });
  return seeOther(signUpErrorPath(form, status === 429 ? "throttled" : "invalid"));
}

export async function POST(request: Request) {
  if (!fromThisSite(request)) return refused(request, 403, "Sign up on this site's own pages.", {});
  const form = await readForm(request);
  if (!form) return refused(request, 413, "That form is far larger than a sign-up.", {});
  const parsed = signUpSchema.safeParse(form);
  if (!parsed.success) return refused(request, 400, "Please check the form.", form, z.flattenError(parsed.error).fieldErrors);

  const result = await signUp(parsed.data, { address: clientAddress(request.headers) });
  if (result.status === "throttled") {
    const response = refused(request, 429, SIGN_UP_THROTTLED, form);
    response.headers.set("retry-after", String(result.retryAfterSeconds));
    return response;
  }
  const { sendConfirmation } = result;
  if (sendConfirmation) {
    after(() => sendConfirmation(siteMailer()).catch((error: Error) => console.error(`Confirmation mail failed: ${error.message}`)));
  }
  if (wantsJson(request)) return Response.json({ ok: true, message: SIGN_UP_ACCEPTED }, { headers: { "cache-control": "no-store" } });
  return seeOther("/newsletter/check-your-inbox");
}
