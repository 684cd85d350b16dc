// A subscriber's own links: their id signed under the site's secret opens their preferences, with no sign-in. It
// never expires: a years-old e-mail must still unsubscribe.
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { signWithSiteSecret } from "@/lib/auth/site-secret";

const SECRET_NAME = "newsletter-links";

export async function manageToken(subscriberId: string): Promise<string> {
  return `${subscriberId}.${await signWithSiteSecret(SECRET_NAME, `manage:${subscriberId}`)}`;
}

/** The subscriber id a signed value was made for, or null when it was not made by this site. */
export async function subscriberIdFromToken(token: string): Promise<string | null> {
  const [subscriberId = "", signature = ""] = token.split(".");
  const expected = Buffer.from(await signWithSiteSecret(SECRET_NAME, `manage:${subscriberId}`));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? subscriberId : null;
}

export interface SubscriberLinks {
  /** The page with an "Unsubscribe" button: a link in a message must not act on a GET, which scanners follow. */
  unsubscribePage: string;
  /** RFC 8058 one-click unsubscribe: what List-Unsubscribe names, POSTed to by mail providers. */
  oneClick: string;
  preferences: string;
}

export async function subscriberLinks(subscriberId: string): Promise<SubscriberLinks> {
  const site = getEnv().SITE_URL;
  const t = encodeURIComponent(await manageToken(subscriberId));
  return {
    unsubscribePage: `${site}/newsletter/unsubscribe?t=${t}`,
    oneClick: `${site}/api/newsletter/unsubscribe?t=${t}`,
    preferences: `${site}/newsletter/preferences?t=${t}`,
  };
}

export function confirmUrl(token: string): string {
  return `${getEnv().SITE_URL}/newsletter/confirm?token=${encodeURIComponent(token)}`;
}

/** The headers every newsletter message carries, so mail providers show their own unsubscribe button. */
export function listUnsubscribeHeaders(links: SubscriberLinks): Record<string, string> {
  return { "List-Unsubscribe": `<${links.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
