// Keys the site makes for itself: generated on first use, kept in Postgres, so every instance and every restart
// signs with the same one and nobody has to configure a secret for signed links to work.
import "server-only";
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { prisma } from "@/lib/db";

const cache = new Map<string, Promise<string>>();

async function loadSecret(name: string): Promise<string> {
  // Two instances starting at once both insert; the first wins and both read the winner.
  await prisma.siteSecret.createMany({ data: [{ name, value: randomBytes(32).toString("base64url") }], skipDuplicates: true });
  return (await prisma.siteSecret.findUniqueOrThrow({ where: { name } })).value;
}

export function siteSecret(name: string): Promise<string> {
  let secret = cache.get(name);
  if (!secret) {
    secret = loadSecret(name).catch((error: unknown) => {
      cache.delete(name);
      throw error;
    });
    cache.set(name, secret);
  }
  return secret;
}

/** Whether a secret someone gave is the one expected, in a time that says nothing about either. */
export function sameSecret(a: string, b: string): boolean {
  // Hashing first gives equal lengths, so the comparison time says nothing about the secret.
  return timingSafeEqual(createHash("sha256").update(a).digest(), createHash("sha256").update(b).digest());
}

/** HMAC-SHA256 of `message` under the named site secret, base64url. */
export async function signWithSiteSecret(name: string, message: string): Promise<string> {
  return createHmac("sha256", await siteSecret(name))
    .update(message)
    .digest("base64url");
}
