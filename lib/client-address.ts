// The address a request came from, for rate limits and consent records. The site's own edge cache appends the
// peer it saw to X-Forwarded-For, so the right-most entry is the one nobody outside could write; each proxy in
// front of the site (TRUSTED_PROXY_HOPS) appends one more, and we skip that many.
import { createHmac } from "node:crypto";
import { isIP } from "node:net";
import { getEnv } from "@/lib/env";
import { siteSecret } from "@/lib/site-secret";

export function clientAddress(headers: Headers, trustedProxyHops = getEnv().TRUSTED_PROXY_HOPS): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = hops[hops.length - 1 - trustedProxyHops] ?? hops[0] ?? "";
  return isIP(candidate) ? candidate : "unknown";
}

/**
 * A requester's address as kept for rate limits and consent records: an HMAC under the site's secret, so it can be
 * matched but not read back.
 */
export async function hashNetworkAddress(address: string): Promise<string> {
  return createHmac("sha256", await siteSecret("consent-ip")).update(address).digest("hex");
}
