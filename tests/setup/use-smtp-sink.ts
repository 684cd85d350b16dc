// A Jest test file's mail server and a mailer that sends to it: started before its tests, emptied before each,
// closed after (the setup newsletter and visitor-mail tests share).
import { afterAll, beforeAll, beforeEach } from "@jest/globals";
import { smtpMailer, type Mailer } from "@/lib/mail/mailer";
import { startSmtpSink, type SmtpSink } from "./smtp-sink";

export function useSmtpSink(): { readonly sink: SmtpSink; readonly mailer: Mailer } {
  let sink: SmtpSink | undefined;
  let mailer: Mailer | undefined;
  beforeAll(async () => {
    sink = await startSmtpSink();
    mailer = smtpMailer(sink.url, { from: "news@showfront.test", maxConnections: 3 });
  });
  afterAll(async () => {
    mailer?.close();
    await sink?.close();
  });
  beforeEach(() => {
    sink!.messages.length = 0;
    sink!.refuse.clear();
    sink!.dropAfterAccepting.clear();
    sink!.onMessage = undefined;
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("The mail server starts in beforeAll; use it inside tests and hooks.");
    return value;
  };
  return {
    get sink() {
      return started(sink);
    },
    get mailer() {
      return started(mailer);
    },
  };
}
