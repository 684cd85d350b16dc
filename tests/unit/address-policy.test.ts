import { describe, expect, it } from "@jest/globals";
import { isPublicAddress } from "@/lib/feeds/address-policy";

describe("isPublicAddress", () => {
  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:93.184.216.34", "64:ff9b::808:808", "2002:808:808::1"])(
    "allows the public address %s",
    (address) => {
      expect(isPublicAddress(address)).toBe(true);
    },
  );

  it.each([
    "127.0.0.1",
    "127.1.2.3",
    "0.0.0.0",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "224.0.0.1",
    "255.255.255.255",
    "::1",
    "::",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "fe80::1",
    "fd00::1",
    "64:ff9b::7f00:1",
    "not-an-address",
    // Every IPv6 spelling of a loopback or private IPv4 address.
    "::7f00:1", // IPv4-compatible
    "::127.0.0.1",
    "::a00:1",
    "::ffff:0:7f00:1", // IPv4-translated (RFC 6145)
    "::ffff:0:127.0.0.1",
    "::ffff:0:a9fe:a9fe", // 169.254.169.254, the cloud metadata service
    "0:0:0:0:0:ffff:7f00:0001",
    "::FFFF:127.0.0.1",
    "64:ff9b::10.0.0.1", // NAT64
    "64:ff9b:1::8.8.8.8", // NAT64 for local use
    "2002:7f00:1::", // 6to4 of 127.0.0.1
    "2002:c0a8:101::1", // 6to4 of 192.168.1.1
    "2001:0:4136:e378:8000:63bf:80ff:fffe", // Teredo whose client is 127.0.0.1
    "2001:0:7f00:1:8000:63bf:3fff:fdd2", // Teredo whose server is 127.0.0.1
    "fe80::1%eth0",
  ])("refuses %s", (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });
});
