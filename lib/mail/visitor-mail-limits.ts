// Mail a visitor asked for, limited per address and network in Postgres (on every instance): else a form floods
// someone's inbox. Callers answer the same whether or not it went, so the answer says nothing about the address.
import "server-only";
import { createHash } from "node:crypto";
import { hashNetworkAddress } from "@/lib/http/client-address";
import { takeRateLimits, type RateLimitRule } from "@/lib/http/rate-limit";

export type VisitorMailKind = "sign-in" | "newsletter-confirmation";

// Enough for "I didn't get it" twice; too few to flood one inbox.
const PER_ADDRESS: RateLimitRule = { limit: 3, windowSeconds: 3600 };
// Every kind together, per network: a household or an office shares one address (IPv6: one /64).
const PER_NETWORK: RateLimitRule = { limit: 20, windowSeconds: 3600 };

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Counts one mail of this kind to `email` asked for from `network`; false when either limit is passed. */
export async function mayMailVisitor(kind: VisitorMailKind, email: string, network: string, now = new Date()): Promise<boolean> {
  const results = await takeRateLimits(
    [
      { key: `mail:${kind}:${sha256(email.trim().toLowerCase())}`, rule: PER_ADDRESS },
      { key: `mail:network:${await hashNetworkAddress(network)}`, rule: PER_NETWORK },
    ],
    now,
  );
  return results.every((result) => result.allowed);
}
