import type { Metadata } from "next";
import Link from "next/link";
import { LinkNotValid } from "@/components/newsletter/link-not-valid";
import { NoticePage } from "@/components/ui/notice-page";
import { siteName } from "@/lib/shows/shows";
import { subscriberForLink } from "@/lib/newsletter/subscriptions";
import { linkPageParamsSchema } from "@/lib/validations/newsletter";

export const metadata: Metadata = { title: "You are subscribed", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function ConfirmedPage({ searchParams }: PageProps<"/newsletter/confirmed">) {
  const { t } = linkPageParamsSchema.parse(await searchParams);
  const [subscriber, name] = await Promise.all([subscriberForLink(t), siteName()]);
  if (!subscriber || subscriber.status !== "CONFIRMED") return <LinkNotValid />;
  return (
    <NoticePage title="You are subscribed">
      <p role="status">
        Thank you: {subscriber.email} will get {name}&apos;s newsletter. Every issue has a link to leave in one click.
      </p>
      <p>
        <Link href={`/newsletter/preferences?t=${encodeURIComponent(t!)}`} className="font-semibold underline">
          Choose what you get
        </Link>
      </p>
    </NoticePage>
  );
}
