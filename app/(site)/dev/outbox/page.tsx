import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { recentOutbox } from "@/lib/mail/mailer";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Development outbox", robots: { index: false } };
export const dynamic = "force-dynamic";

const OUTBOX_SHOWN = 50;
const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

// The mail a development site would have sent (no SMTP_URL is set): confirmation links and newsletters, newest
// first. A production site never shows it: its mail is people's.
export default async function OutboxPage() {
  if (getEnv().NODE_ENV === "production") notFound();
  const messages = await recentOutbox(OUTBOX_SHOWN);
  return (
    <div className="space-y-6">
      <h1 className="font-display text-3xl font-bold">Development outbox</h1>
      <p className="text-muted">
        Mail is kept here instead of sent because SMTP_URL is not set. Set it (for example to Mailpit, smtp://localhost:1025) to send for real.
      </p>
      {messages.length === 0 ? <p>No mail yet.</p> : null}
      {messages.map((message) => (
        <article key={message.id} className="rounded-lg bg-white p-4 shadow-sm">
          <h2 className="font-semibold">{message.subject}</h2>
          <p className="text-sm text-muted">
            To {message.to} · {when.format(message.createdAt)} UTC
          </p>
          <pre className="mt-3 whitespace-pre-wrap break-words text-sm">{message.text}</pre>
        </article>
      ))}
    </div>
  );
}
