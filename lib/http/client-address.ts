// The address a request came from. The front (the built-in edge, or the first of TRUSTED_PROXY_HOPS) appends the peer
// it saw to X-Forwarded-For: the right-most entry past the trusted hops is the one nobody outside could write.
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

/** The network an address stands for: IPv4 itself, IPv6 as its /64, so nobody escapes a limit within their own /64. */
export function networkOf(address: string): string {
  if (!ipaddr.isValid(address)) return address;
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  const { parts } = parsed as ipaddr.IPv6;
  return `${new ipaddr.IPv6([...parts.slice(0, 4), 0, 0, 0, 0]).toString()}/64`;
}

/** A requester's network as kept for rate limits and consent: an HMAC under the site's secret, matchable, unreadable. */
export async function hashNetworkAddress(address: string): Promise<string> {
  return createHmac("sha256", await siteSecret("consent-ip"))
    .update(networkOf(address))
    .digest("hex");
}
