// Which addresses a feed fetch may connect to. Feed URLs come from outside, so without this a URL (or a redirect,
// or a DNS answer) could point the server at itself, its database, the cloud metadata service or the office LAN.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import net from "node:net";

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
  ["64:ff9b::", 96], // NAT64: an IPv4 address in disguise
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7], // unique local
  ["fe80::", 10], // link-local
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** True for an address on the public internet; IPv4-mapped IPv6 addresses are judged as the IPv4 they carry. */
export function isPublicAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? "ipv4" : "ipv6");
}

export class BlockedAddressError extends Error {
  override name = "BlockedAddressError";
  constructor(readonly host: string, readonly address: string) {
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
