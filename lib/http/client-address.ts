// The address a request came from, for rate limits and consent records. The front in front of Next (the built-in
// edge, or with BUILT_IN_FRONT=false the first of the TRUSTED_PROXY_HOPS, e.g. nginx) appends the peer it saw to
// X-Forwarded-For, so the right-most entry is the one nobody outside could write; each further trusted proxy in
// front of that appends one more, and we skip that many.
import "server-only";
import { createHmac } from "node:crypto";
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { getEnv } from "@/lib/env";
import { siteSecret } from "@/lib/auth/site-secret";

export function clientAddress(headers: Headers, trustedProxyHops = proxiesBeforeTheFront()): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = hops[hops.length - 1 - trustedProxyHops] ?? hops[0] ?? "";
  return isIP(candidate) ? candidate : "unknown";
}

function proxiesBeforeTheFront(): number {
  const env = getEnv();
  return env.BUILT_IN_FRONT ? env.TRUSTED_PROXY_HOPS : Math.max(0, env.TRUSTED_PROXY_HOPS - 1);
}

/**
 * The network an address stands for: an IPv4 address itself (an IPv4-mapped IPv6 one as its IPv4), an IPv6 address
 * as its /64, the block one subscriber is given, so nobody escapes a limit by stepping through their own /64.
 */
export function networkOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const { parts } = parsed as ipaddr.IPv6;
  return `${new ipaddr.IPv6([...parts.slice(0, 4), 0, 0, 0, 0]).toString()}/64`;
}

/**
 * A requester's network (networkOf) as kept for rate limits and consent records: an HMAC under the site's secret,
 * so it can be matched but not read back.
 */
export async function hashNetworkAddress(address: string): Promise<string> {
  return createHmac("sha256", await siteSecret("consent-ip"))
    .update(networkOf(address))
    .digest("hex");
}
