// Throwaway-mailbox services, a short list kept here: the npm packages with long lists are unmaintained, and mail to
// an evaporating mailbox hurts the site's sending reputation.
import "server-only";
const DISPOSABLE_DOMAINS = new Set([
  "10minutemail.com",
  "20minutemail.com",
  "33mail.com",
  "burnermail.io",
  "discard.email",
  "dispostable.com",
  "emailondeck.com",
  "fakeinbox.com",
  "getairmail.com",
  "getnada.com",
  "guerrillamail.biz",
  "guerrillamail.com",
  "guerrillamail.de",
  "guerrillamail.net",
  "guerrillamail.org",
  "guerrillamailblock.com",
  "harakirimail.com",
  "inboxkitten.com",
  "mailcatch.com",
  "maildrop.cc",
  "mailinator.com",
  "mailinator.net",
  "mailnesia.com",
  "mailpoof.com",
  "mintemail.com",
  "mohmal.com",
  "mytemp.email",
  "nada.email",
  "sharklasers.com",
  "spam4.me",
  "spamgourmet.com",
  "temp-mail.io",
  "temp-mail.org",
  "tempail.com",
  "tempmail.com",
  "tempmail.net",
  "tempmailo.com",
  "tempr.email",
  "throwawaymail.com",
  "trashmail.com",
  "trashmail.de",
  "yopmail.com",
  "yopmail.fr",
  "yopmail.net",
]);

// Names these services, and their many look-alikes, are built from.
const DISPOSABLE_PATTERN = /(^|[.-])(mailinator|guerrillamail|yopmail|trashmail|tempmail|temp-mail|throwaway|10minutemail|fakeinbox|discardmail)[.-]/;

/** Whether an address's domain (or a parent of it) is a throwaway-mailbox service. */
export function isDisposableDomain(domain: string): boolean {
  const labels = domain.toLowerCase().split(".");
  for (let start = 0; start < labels.length - 1; start += 1) {
    if (DISPOSABLE_DOMAINS.has(labels.slice(start).join("."))) return true;
  }
  return DISPOSABLE_PATTERN.test(`${domain.toLowerCase()}.`);
}
