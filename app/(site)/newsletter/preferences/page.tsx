import type { Metadata } from "next";
import Link from "next/link";
import { LinkNotValid } from "@/components/newsletter/link-not-valid";
import { NoticePage, PRIMARY_BUTTON } from "@/components/ui/notice-page";
import { subscriberForLink } from "@/lib/newsletter/subscriptions";
import { linkPageParamsSchema } from "@/lib/validations/newsletter";

export const metadata: Metadata = { title: "Newsletter preferences", robots: { index: false } };
export const dynamic = "force-dynamic";

const CHOICES = [
  { name: "wantsEpisodes", label: "New episodes", hint: "An e-mail when a new episode is out." },
  { name: "wantsStories", label: "New stories", hint: "An e-mail when new stories are published." },
  { name: "wantsDigest", label: "Weekly digest", hint: "The week's episodes and stories, once a week." },
] as const;

export default async function PreferencesPage({ searchParams }: PageProps<"/newsletter/preferences">) {
  const { t, saved } = linkPageParamsSchema.parse(await searchParams);
  const subscriber = await subscriberForLink(t);
  if (!subscriber) return <LinkNotValid />;
  return (
    <NoticePage title="What you get">
      <p>For {subscriber.email}.</p>
      {subscriber.status === "UNSUBSCRIBED" ? (
        <p>
          You are unsubscribed, so nothing is sent.{" "}
          <Link href="/newsletter" className="font-semibold underline">
            Sign up again
          </Link>{" "}
          to choose.
        </p>
      ) : (
        <form action="/api/newsletter/preferences" method="post" className="space-y-3">
          <input type="hidden" name="t" value={t} />
          <fieldset className="space-y-3">
            <legend className="sr-only">E-mails to get</legend>
            {CHOICES.map((choice) => (
              <label key={choice.name} className="flex items-start gap-3">
                <input type="checkbox" name={choice.name} defaultChecked={subscriber[choice.name]} className="mt-1.5" />
                <span>
                  <span className="font-semibold">{choice.label}</span>
                  <span className="block text-sm text-muted">{choice.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          <button type="submit" className={PRIMARY_BUTTON}>
            Save
          </button>
          {saved ? (
            <p role="status" className="text-green-800">
              Saved.
            </p>
          ) : null}
        </form>
      )}
      {subscriber.status !== "UNSUBSCRIBED" ? (
        <p>
          <Link href={`/newsletter/unsubscribe?t=${encodeURIComponent(t!)}`} className="underline">
            Unsubscribe from everything
          </Link>
        </p>
      ) : null}
    </NoticePage>
  );
}
