// Double opt-in: a pending subscriber with its consent, confirmed by a POST from the link's page (mail scanners follow
// GETs). The answer is the same whatever the address's state, so the form tells nobody who subscribes.
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Mailer } from "@/lib/mail/mailer";
import { hashNetworkAddress } from "@/lib/http/client-address";
import { mayMailVisitor } from "@/lib/mail/visitor-mail-limits";
import { takeRateLimits, type RateLimitRule } from "@/lib/http/rate-limit";
import { siteName } from "@/lib/shows/shows";
import type { SignUpInput } from "@/lib/validations/newsletter";
import { confirmUrl, subscriberIdFromToken } from "./links";
import { confirmationEmail } from "./templates";

export const CONFIRM_LINK_HOURS = 48;
// A household or office shares one address: generous for people, a wall for a script.
const SIGN_UPS_PER_NETWORK: RateLimitRule = { limit: 10, windowSeconds: 3600 };

export function consentSentence(name: string): string {
  return `By submitting this form, you agree to receive e-mail messages from ${name}. You may unsubscribe at any time.`;
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export type SignUpResult =
  | { status: "accepted"; /** The confirmation mail, sent after the answer so its timing says nothing. */ sendConfirmation?: (mailer: Mailer) => Promise<void> }
  | { status: "throttled"; retryAfterSeconds: number };

export async function signUp(input: SignUpInput, requester: { address: string }, now = new Date()): Promise<SignUpResult> {
  // A filled honeypot is a bot: it is told what a person would be told, and nothing happens.
  if (input.website) return { status: "accepted" };
  const ipHash = await hashNetworkAddress(requester.address);
  const [[network], name] = await Promise.all([takeRateLimits([{ key: `newsletter-signup:${ipHash}`, rule: SIGN_UPS_PER_NETWORK }], now), siteName()]);
  if (!network!.allowed) return { status: "throttled", retryAfterSeconds: network!.retryAfterSeconds };
  // Past the mail limits the last link mailed keeps working; a new token would break it with no mail to replace it.
  if (!(await mayMailVisitor("newsletter-confirmation", input.email, requester.address, now))) return { status: "accepted" };
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + CONFIRM_LINK_HOURS * 3_600_000);
  // One statement for every state: new addresses are inserted, pending and unsubscribed ones start over with this
  // consent, and a confirmed subscriber is left exactly as they were.
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO "Subscriber" ("id", "email", "name", "status", "consentText", "consentAt", "consentSource", "consentMethod", "consentIpHash",
      "confirmTokenHash", "confirmTokenExpiresAt", "confirmationSentAt", "confirmationsSent", "createdAt", "updatedAt")
    VALUES (${`sub${randomBytes(10).toString("hex")}`}, ${input.email}, ${input.name}, 'PENDING', ${consentSentence(name)}, ${now}, ${input.source}, 'FORM', ${ipHash},
      ${sha256(token)}, ${expiresAt}, ${now}, 1, ${now}, ${now})
    ON CONFLICT ("email") DO UPDATE SET
      "name" = EXCLUDED."name", "status" = 'PENDING', "consentText" = EXCLUDED."consentText", "consentAt" = EXCLUDED."consentAt",
      "consentSource" = EXCLUDED."consentSource", "consentMethod" = 'FORM', "consentIpHash" = EXCLUDED."consentIpHash",
      "confirmTokenHash" = EXCLUDED."confirmTokenHash", "confirmTokenExpiresAt" = EXCLUDED."confirmTokenExpiresAt",
      "confirmationSentAt" = EXCLUDED."confirmationSentAt", "confirmationsSent" = "Subscriber"."confirmationsSent" + 1, "updatedAt" = EXCLUDED."updatedAt"
    WHERE "Subscriber"."status" <> 'CONFIRMED'
    RETURNING "id"`;
  if (rows.length === 0) return { status: "accepted" };
  return {
    status: "accepted",
    sendConfirmation: (mailer) => sendConfirmationMail(mailer, name, token, { email: input.email, name: input.name }),
  };
}

/** A fresh confirmation link for a pending subscriber (an import without prior consent), mailed to them. */
export async function mailConfirmation(subscriberId: string, mailer: Mailer, now = new Date()): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const subscriber = await prisma.subscriber.update({
    where: { id: subscriberId, status: "PENDING" },
    data: {
      confirmTokenHash: sha256(token),
      confirmTokenExpiresAt: new Date(now.getTime() + CONFIRM_LINK_HOURS * 3_600_000),
      confirmationSentAt: now,
      confirmationsSent: { increment: 1 },
    },
    select: { email: true, name: true },
  });
  await sendConfirmationMail(mailer, await siteName(), token, subscriber);
}

function sendConfirmationMail(mailer: Mailer, name: string, token: string, to: { email: string; name: string }): Promise<void> {
  return mailer.send({
    ...confirmationEmail(name, confirmUrl(token), CONFIRM_LINK_HOURS),
    fromName: name,
    to: { address: to.email, name: to.name || undefined },
  });
}

export type ConfirmLinkState = "ready" | "expired" | "invalid";

/** What the confirmation page should offer, without changing anything (the page is a GET). */
export async function confirmLinkState(token: string, now = new Date()): Promise<ConfirmLinkState> {
  const subscriber = await prisma.subscriber.findUnique({ where: { confirmTokenHash: sha256(token) }, select: { status: true, confirmTokenExpiresAt: true } });
  if (!subscriber || subscriber.status !== "PENDING") return "invalid";
  return subscriber.confirmTokenExpiresAt && subscriber.confirmTokenExpiresAt > now ? "ready" : "expired";
}

export type ConfirmResult = { status: "confirmed"; subscriberId: string } | { status: "expired" | "invalid" };

/** Confirms the subscriber a link was mailed to. The token is forgotten as it is used: a link works once. */
export async function confirmSubscription(token: string, now = new Date()): Promise<ConfirmResult> {
  const [confirmed] = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "Subscriber" SET "status" = 'CONFIRMED', "confirmedAt" = ${now}, "confirmTokenHash" = NULL, "confirmTokenExpiresAt" = NULL, "updatedAt" = ${now}
    WHERE "confirmTokenHash" = ${sha256(token)} AND "status" = 'PENDING' AND "confirmTokenExpiresAt" > ${now}
    RETURNING "id"`;
  if (confirmed) return { status: "confirmed", subscriberId: confirmed.id };
  return { status: (await confirmLinkState(token, now)) === "expired" ? "expired" : "invalid" };
}

export async function unsubscribe(subscriberId: string, now = new Date()): Promise<void> {
  await prisma.subscriber.updateMany({
    where: { id: subscriberId, status: { not: "UNSUBSCRIBED" } },
    data: { status: "UNSUBSCRIBED", unsubscribedAt: now, confirmTokenHash: null, confirmTokenExpiresAt: null },
  });
}

export interface Preferences {
  wantsEpisodes: boolean;
  wantsStories: boolean;
  wantsDigest: boolean;
}

export async function updatePreferences(subscriberId: string, preferences: Preferences): Promise<void> {
  await prisma.subscriber.updateMany({ where: { id: subscriberId }, data: preferences });
}

/** "j•••@example.com": enough for a person to know the address is theirs, if a link is forwarded. */
export function maskAddress(email: string): string {
  const at = email.lastIndexOf("@");
  return `${email.slice(0, Math.min(1, at))}•••${email.slice(at)}`;
}

/** The subscriber a signed link was made for, their address masked; null for a link this site did not sign. */
export async function subscriberForLink(token: string | undefined) {
  const subscriberId = token ? await subscriberIdFromToken(token) : null;
  if (!subscriberId) return null;
  const subscriber = await prisma.subscriber.findUnique({
    where: { id: subscriberId },
    select: { id: true, email: true, status: true, wantsEpisodes: true, wantsStories: true, wantsDigest: true },
  });
  return subscriber && { ...subscriber, email: maskAddress(subscriber.email) };
}
