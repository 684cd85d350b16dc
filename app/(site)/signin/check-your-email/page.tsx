import type { Metadata } from "next";
import { NoticePage } from "@/components/ui/notice-page";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Check your e-mail", robots: { index: false } };
export const dynamic = "force-dynamic";

export default function CheckYourEmailPage() {
  const env = getEnv();
  return (
    <NoticePage title="Check your e-mail">
      <p role="status">A sign-in link is on its way. It works once, for 30 minutes.</p>
      {!env.SMTP_URL && env.NODE_ENV !== "production" ? (
        <p className="text-sm text-muted">
          This development site sends no mail: the link is in the server log and at{" "}
          <a href="/dev/outbox" className="underline">
            /dev/outbox
          </a>
          .
        </p>
      ) : null}
    </NoticePage>
  );
}
