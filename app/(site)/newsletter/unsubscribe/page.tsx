import type { Metadata } from "next";
import Link from "next/link";
import { LinkNotValid } from "@/components/newsletter/link-not-valid";
import { NoticePage, PRIMARY_BUTTON } from "@/components/ui/notice-page";
import { siteName } from "@/lib/shows/shows";
import { subscriberForLink } from "@/lib/newsletter/subscriptions";
import { linkPageParamsSchema } from "@/lib/validations/newsletter";

export const metadata: Metadata = { title: "Unsubscribe", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function UnsubscribePage({ searchParams }: PageProps<"/newsletter/unsubscribe">) {
  const { t, done } = linkPageParamsSchema.parse(await searchParams);
  const [subscriber, name] = await Promise.all([subscriberForLink(t), siteName()]);
  if (!subscriber) return <LinkNotValid />;
  if (subscriber.status === "UNSUBSCRIBED") {
    return (
      <NoticePage title="You are unsubscribed">
        <p role="status">
          {done ? "Done: " : ""}
          {subscriber.email} will get no more e-mail from {name}&apos;s newsletter.
        </p>
        <p>
          Changed your mind?{" "}
          <Link href="/newsletter" className="font-semibold underline">
            Sign up again
          </Link>
        </p>
      </NoticePage>
    );
  }
  return (
    <NoticePage title="Unsubscribe">
      <p>
        Stop sending {name}&apos;s newsletter to {subscriber.email}?
      </p>
      <form action={`/api/newsletter/unsubscribe?t=${encodeURIComponent(t!)}`} method="post">
        <button type="submit" className={PRIMARY_BUTTON}>
          Unsubscribe
        </button>
      </form>
      <p>
        Or get less:{" "}
        <Link href={`/newsletter/preferences?t=${encodeURIComponent(t!)}`} className="font-semibold underline">
          choose what you get
        </Link>
        .
      </p>
    </NoticePage>
  );
}
