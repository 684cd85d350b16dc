import type { Metadata } from "next";
import Link from "next/link";
import { NoticePage, PRIMARY_BUTTON } from "@/components/ui/notice-page";
import { CONFIRM_LINK_HOURS, confirmLinkState } from "@/lib/newsletter/subscriptions";
import { siteName } from "@/lib/shows/shows";
import { linkPageParamsSchema } from "@/lib/validations/newsletter";

export const metadata: Metadata = { title: "Confirm your subscription", robots: { index: false } };
export const dynamic = "force-dynamic";

// Opening the link changes nothing: mail scanners open every link. The button's POST confirms.
export default async function ConfirmPage({ searchParams }: PageProps<"/newsletter/confirm">) {
  const { token } = linkPageParamsSchema.parse(await searchParams);
  const [state, name] = await Promise.all([token ? confirmLinkState(token) : ("invalid" as const), siteName()]);
  if (state === "ready") {
    return (
      <NoticePage title="Confirm your subscription">
        <p>One click and you will get {name}&apos;s newsletter.</p>
        <form action="/api/newsletter/confirm" method="post">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className={PRIMARY_BUTTON}>
            Confirm my subscription
          </button>
        </form>
      </NoticePage>
    );
  }
  return (
    <NoticePage title={state === "expired" ? "This link has expired" : "This link does not work"}>
      <p>
        {state === "expired"
          ? `Confirmation links work for ${CONFIRM_LINK_HOURS} hours. Sign up again and we will send you a new one.`
          : "It has been used already, or it was not copied whole. If you clicked it before, you are subscribed; otherwise sign up again."}
      </p>
      <p>
        <Link href="/newsletter" className="font-semibold underline">
          Sign up for the newsletter
        </Link>
      </p>
    </NoticePage>
  );
}
