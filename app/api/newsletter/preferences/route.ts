// The preferences page's form: what a subscriber wants to get, saved under their signed link.
import { AppError } from "@/lib/errors";
import { fromThisSite, readForm, seeOther } from "@/lib/http/forms";
import { route } from "@/lib/http/route";
import { subscriberIdFromToken } from "@/lib/newsletter/links";
import { updatePreferences } from "@/lib/newsletter/subscriptions";
import { preferencesSchema } from "@/lib/validations/newsletter";

export const POST = route(async (request: Request) => {
  if (!fromThisSite(request)) throw new AppError("forbidden", "Change your preferences on this site's own page.");
  const form = (await readForm(request)) ?? {};
  const parsed = preferencesSchema.safeParse(form);
  const subscriberId = parsed.success ? await subscriberIdFromToken(parsed.data.t) : null;
  if (!parsed.success || !subscriberId) return seeOther("/newsletter/preferences");
  const { t, ...preferences } = parsed.data;
  await updatePreferences(subscriberId, preferences);
  return seeOther(`/newsletter/preferences?t=${encodeURIComponent(t)}&saved=1`);
});
