import type { Metadata } from "next";
import { SIGN_UP_ACCEPTED } from "@/lib/newsletter/messages";

export const metadata: Metadata = { title: "Check your inbox", robots: { index: false } };
// The site's layout reads the show from the database, which `next build` does not have.
export const dynamic = "force-dynamic";

export default function CheckYourInboxPage() {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <h1 className="font-display text-3xl font-bold">Check your inbox</h1>
      <p role="status" className="mt-4 text-lg">
        {SIGN_UP_ACCEPTED}
      </p>
    </div>
  );
}
