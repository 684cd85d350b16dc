// Unsubscribing: the RFC 8058 one-click POST that mail providers send for their own unsubscribe button (the body
// says "List-Unsubscribe=One-Click", the signed value is in the address), and the unsubscribe page's button.
import { readForm, seeOther } from "@/lib/http/forms";
import { subscriberIdFromToken } from "@/lib/newsletter/links";
import { unsubscribe } from "@/lib/newsletter/subscriptions";
import { manageTokenSchema } from "@/lib/validations/newsletter";

export async function POST(request: Request) {
  const form = (await readForm(request)) ?? {};
  // The signed value is the only credential: no origin check, a mail provider posts from its own servers.
  const parsed = manageTokenSchema.safeParse({ t: new URL(request.url).searchParams.get("t") ?? form.t });
  const subscriberId = parsed.success ? await subscriberIdFromToken(parsed.data.t) : null;
  const oneClick = form["List-Unsubscribe"] === "One-Click";
  if (!subscriberId) {
    return oneClick ? new Response("This unsubscribe link is not valid.", { status: 400 }) : seeOther("/newsletter/unsubscribe");
  }
  await unsubscribe(subscriberId);
  if (oneClick) return new Response("You are unsubscribed.", { headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
  return seeOther(`/newsletter/unsubscribe?t=${encodeURIComponent(parsed.data!.t)}&done=1`);
}
