// Which addresses a feed fetch may connect to. Feed URLs come from outside, so without this a URL (or a redirect,
// or a DNS answer) could point the server at itself, its database, the cloud metadata service or the office LAN.
import "server-only";
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import net from "node:net";
import ipaddr from "ipaddr.js";

const NOT_PUBLIC = new net.BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8], // "this network"; 0.0.0.0 reaches the local host
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16], // link-local, cloud metadata (169.254.169.254)
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved and broadcast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b:1::", 48], // NAT64 for local use (RFC 8215)
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv6");
}

const ipv4 = (high: number, low: number) => `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;

/** The IPv4 addresses an IPv6 address carries (mapped, NAT64, 6to4, Teredo…): each may reach that host, so each is judged. */
function embeddedIpv4(parts: number[]): string[] {
  const zeros = (from: number, to: number) => parts.slice(from, to).every((part) => part === 0);
  if (zeros(0, 5) && (parts[5] === 0 || parts[5] === 0xffff)) return [ipv4(parts[6]!, parts[7]!)];
  if (zeros(0, 4) && parts[4] === 0xffff && parts[5] === 0) return [ipv4(parts[6]!, parts[7]!)];
  if (parts[0] === 0x64 && parts[1] === 0xff9b) return [ipv4(parts[6]!, parts[7]!)];
  if (parts[0] === 0x2002) return [ipv4(parts[1]!, parts[2]!)];
  if (parts[0] === 0x2001 && parts[1] === 0) return [ipv4(parts[2]!, parts[3]!), ipv4(parts[6]! ^ 0xffff, parts[7]! ^ 0xffff)];
  return [];
}

/** True for an address on the public internet; an IPv6 address that carries an IPv4 one is judged as that too. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv4") return !NOT_PUBLIC.check(parsed.toString(), "ipv4");
  const { parts } = parsed as ipaddr.IPv6;
  // A zone (fe80::1%eth0) names an interface of this machine: only link-local addresses have one.
  if ((parsed as ipaddr.IPv6).zoneId) return false;
  return !NOT_PUBLIC.check(parsed.toNormalizedString(), "ipv6") && embeddedIpv4(parts).every((carried) => !NOT_PUBLIC.check(carried, "ipv4"));
}

export class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
  constructor(
    readonly host: string,
    readonly address: string,
  ) {
    super(
      `${host === address ? host : `${host} (${address})`} is not a public internet address; feeds are fetched only from public hosts` +
        " (set FEEDS_ALLOW_PRIVATE_HOSTS=true to allow local ones in development)",
    );
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http.request that only ever hands the socket public addresses (unless private hosts are allowed). */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    dnsLookup(hostname, { all: true, family: options.family }, (error, addresses) => {
      if (error) return callback(error, []);
      const usable = allowPrivate ? addresses : addresses.filter(({ address }) => isPublicAddress(address));
      if (usable.length === 0) return callback(new BlockedAddressError(hostname, addresses[0]?.address ?? "nothing"), []);
      if (options.all) return callback(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}
