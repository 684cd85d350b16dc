// The e-mails the e2e server's SMTP sink received (tests/e2e/server.ts writes each as a JSON file).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { E2E_MAIL_DIR } from "./server-address";

export { linkIn } from "../setup/smtp-sink";

export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  listUnsubscribe: string;
  listUnsubscribePost: string;
}

function mailbox(): CapturedMail[] {
  return readdirSync(E2E_MAIL_DIR)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(E2E_MAIL_DIR, file), "utf8")) as CapturedMail);
}

/** The newest message to `address` whose subject matches, waiting for it to arrive. */
export async function mailTo(address: string, subject: RegExp): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(() => (found = mailbox().findLast((mail) => mail.to === address && subject.test(mail.subject))), { timeout: 15_000, message: `a message to ${address}` })
    .toBeTruthy();
  return found!;
}
