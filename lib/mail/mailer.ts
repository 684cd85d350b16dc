// Sending e-mail: through SMTP (nodemailer) when SMTP_URL is set; otherwise kept in the outbox table and announced
// in the server log, so a developer with no mail server still gets every link (/dev/outbox shows them).
import "server-only";
import nodemailer, { type NodemailerError } from "nodemailer";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";

export interface MailMessage {
  to: { address: string; name?: string };
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** The sender's display name (the show); the address is MAIL_FROM's. */
  fromName: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
  close(): void;
}

/** A failure the mail server will repeat for this message (an unknown mailbox, a refused address). */
export class PermanentMailError extends Error {
  override name = "PermanentMailError";
}

/** The connection failed mid-session without an answer: the message may have gone, and sending again could send it twice. */
export class UncertainMailError extends Error {
  override name = "UncertainMailError";
}

// Failures that mean the server was never reached, so nothing was handed over: safe to try again later.
const NOT_CONNECTED = /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|Connection timeout|Greeting never received/;

const CONNECTION_TIMEOUT_MS = 10_000;

export function mailFromAddress(): string {
  const env = getEnv();
  return env.MAIL_FROM ?? `newsletter@${new URL(env.SITE_URL).hostname}`;
}

/** SMTP through a pool of connections; nodemailer's address objects encode names, so a name cannot add a header. */
export function smtpMailer(url: string, options: { from?: string; maxConnections?: number } = {}): Mailer {
  const transport = nodemailer.createTransport({
    url,
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    maxMessages: Infinity,
    // Never resend on its own when a connection closes mid-message (its default, up to 5 times): the server may have
    // taken it. Retries are the newsletter's, which knows what was sent.
    maxRequeues: 0,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: CONNECTION_TIMEOUT_MS,
    socketTimeout: 30_000,
  });
  const from = options.from ?? mailFromAddress();
  return {
    async send(message) {
      try {
        await transport.sendMail({
          from: { name: message.fromName, address: from },
          to: message.to.name ? { name: message.to.name, address: message.to.address } : message.to.address,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: message.headers,
        });
      } catch (error) {
        const failure = error as NodemailerError;
        if (failure.permanent) throw new PermanentMailError(`${message.to.address}: ${failure.response ?? failure.message}`);
        // An answer from the server (4xx) says it did not take the message; a connection lost without one does not.
        if (!failure.responseCode && !NOT_CONNECTED.test(failure.message)) throw new UncertainMailError(`${message.to.address}: ${failure.message}`);
        throw error;
      }
    },
    close: () => transport.close(),
  };
}

export function outboxMailer(log: (line: string) => void = console.info): Mailer {
  return {
    async send(message) {
      await prisma.outboxMessage.create({
        data: { to: message.to.address, subject: message.subject, text: message.text, html: message.html, headers: message.headers ?? {} },
      });
      log(`Mail not sent (SMTP_URL is not set), kept at /dev/outbox: "${message.subject}" to ${message.to.address}\n${message.text}`);
    },
    close: () => {},
  };
}

/** What the outbox kept, newest first: the development site's /dev/outbox. */
export function recentOutbox(limit: number) {
  return prisma.outboxMessage.findMany({ orderBy: { createdAt: "desc" }, take: limit });
}

const globalForMail = globalThis as unknown as { showfrontMailer?: Mailer };

/** The site's mailer, made once per process from the environment. */
export function siteMailer(): Mailer {
  const url = getEnv().SMTP_URL;
  globalForMail.showfrontMailer ??= url ? smtpMailer(url) : outboxMailer();
  return globalForMail.showfrontMailer;
}
