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

// Each file is named "<arrival time in ms>-<n>.json" by the sink.
function mailbox(since: number): CapturedMail[] {
  return readdirSync(E2E_MAIL_DIR)
    .filter((file) => Number(file.split("-")[0]) >= since)
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(E2E_MAIL_DIR, file), "utf8")) as CapturedMail);
}

/** The newest message to `address` whose subject matches, arrived since `since` (ms), waiting for it. */
export async function mailTo(address: string, subject: RegExp, since = 0): Promise<CapturedMail> {
  let found: CapturedMail | undefined;
  await expect
    .poll(() => (found = mailbox(since).findLast((mail) => mail.to === address && subject.test(mail.subject))), {
      timeout: 15_000,
      message: `a message to ${address}`,
    })
    .toBeTruthy();
  return found!;
}
