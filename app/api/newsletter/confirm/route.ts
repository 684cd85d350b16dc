// The confirmation page's button: a POST, so only a person's click confirms, never a mail scanner's GET.
import { AppError } from "@/lib/errors";
import { fromThisSite, readForm, seeOther } from "@/lib/http/forms";
import { route } from "@/lib/http/route";
import { manageToken } from "@/lib/newsletter/links";
import { confirmSubscription } from "@/lib/newsletter/subscriptions";
import { confirmTokenSchema } from "@/lib/validations/newsletter";

export const POST = route(async (request: Request) => {
  if (!fromThisSite(request)) throw new AppError("forbidden", "Confirm on this site's own page.");
  const form = (await readForm(request)) ?? {};
  const parsed = confirmTokenSchema.safeParse(form);
  if (!parsed.success) return seeOther("/newsletter/confirm");
  const result = await confirmSubscription(parsed.data.token);
  if (result.status !== "confirmed") return seeOther(`/newsletter/confirm?token=${encodeURIComponent(parsed.data.token)}`);
  return seeOther(`/newsletter/confirmed?t=${encodeURIComponent(await manageToken(result.subscriberId))}`);
});
