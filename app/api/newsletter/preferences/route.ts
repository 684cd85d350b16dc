// The preferences page's form: what a subscriber wants to get, saved under their signed link.
import { fromThisSite, readForm, seeOther } from "@/lib/http/forms";
import { subscriberIdFromToken } from "@/lib/newsletter/links";
import { updatePreferences } from "@/lib/newsletter/subscriptions";
import { preferencesSchema } from "@/lib/validations/newsletter";

export async function POST(request: Request) {
  if (!fromThisSite(request)) return new Response("Change your preferences on this site's own page.", { status: 403 });
  const form = (await readForm(request)) ?? {};
  const parsed = preferencesSchema.safeParse(form);
  const subscriberId = parsed.success ? await subscriberIdFromToken(parsed.data.t) : null;
  if (!parsed.success || !subscriberId) return seeOther("/newsletter/preferences");
  const { t, ...preferences } = parsed.data;
  await updatePreferences(subscriberId, preferences);
  return seeOther(`/newsletter/preferences?t=${encodeURIComponent(t)}&saved=1`);
}
