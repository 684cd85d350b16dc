import { beforeEach, describe, expect, it } from "@jest/globals";
import { sendSignInLink } from "@/lib/auth/sign-in-email";
import { signUp } from "@/lib/newsletter/subscriptions";
import { signUpSchema } from "@/lib/validations/newsletter";
import { resetDatabase } from "../setup/database";
import { waitForMessages } from "../setup/smtp-sink";
import { useSmtpSink } from "../setup/use-smtp-sink";

const mail = useSmtpSink();
beforeEach(resetDatabase);

const link = (email: string) => ({ email, url: "http://localhost:3000/api/auth/callback/email?token=x", minutes: 30 });

describe("mail a visitor asks for", () => {
  it("sends three sign-in links an hour to one address, from any network, and nothing after", async () => {
    const sent = [];
    for (let index = 0; index < 10; index += 1) sent.push(await sendSignInLink(link("target@example.com"), `198.51.100.${index}`, mail.mailer));
    expect(sent).toEqual([true, true, true, false, false, false, false, false, false, false]);
    await waitForMessages(mail.sink, 3);
    expect(mail.sink.messages.map((message) => message.to)).toEqual(["target@example.com", "target@example.com", "target@example.com"]);
  });

  it("sends twenty an hour from one network, its IPv6 /64 counted as one, whatever the addresses", async () => {
    const sent = [];
    for (let index = 0; index < 25; index += 1)
      sent.push(await sendSignInLink(link(`person${index}@example.com`), `2001:db8:7:7::${index.toString(16)}`, mail.mailer));
    expect(sent.filter(Boolean)).toHaveLength(20);
    expect(sent.slice(20)).toEqual([false, false, false, false, false]);
    // Another network is not held back by this one.
    expect(await sendSignInLink(link("someone@example.com"), "2001:db8:7:8::1", mail.mailer)).toBe(true);
  });

  it("counts newsletter confirmations in the same network budget, answering a sign-up the same either way", async () => {
    for (let index = 0; index < 20; index += 1) await sendSignInLink(link(`reader${index}@example.com`), "203.0.113.9", mail.mailer);
    const form = signUpSchema.parse({ email: "new@example.com", name: "", source: "/newsletter" });
    const answer = await signUp(form, { address: "203.0.113.9" });
    expect(answer).toEqual({ status: "accepted" });
    expect(await signUp(signUpSchema.parse({ email: "other@example.com", name: "", source: "/newsletter" }), { address: "203.0.113.10" })).toMatchObject({
      status: "accepted",
      sendConfirmation: expect.any(Function),
    });
  });
});
