import { consentSentence } from "@/lib/newsletter/subscriptions";
import { cachedSiteName } from "@/lib/cache/reads";
import { SignUpForm, type SignUpFormProps } from "./signup-form";

export interface NewsletterBoxProps extends Pick<SignUpFormProps, "initial" | "errors"> {
  /** The page's path, kept with the consent. */
  source: string;
  /** The page's main heading when the box is the page (the newsletter page); a section heading otherwise. */
  asPage?: boolean;
}

/** "Stay up to date": the sign-up box on the home, episode, story and newsletter pages. */
export async function NewsletterBox({ source, asPage = false, initial, errors }: NewsletterBoxProps) {
  const name = await cachedSiteName();
  const Heading = asPage ? "h1" : "h2";
  return (
    <section id="newsletter" aria-labelledby="newsletter-heading" className="relative mt-12 rounded-lg bg-white p-5 shadow-sm sm:p-6">
      <Heading id="newsletter-heading" className={`font-display font-bold ${asPage ? "text-3xl" : "text-2xl"}`}>
        Stay up to date
      </Heading>
      <p className="mb-4 mt-1 text-muted">New episodes and stories from {name}, in your inbox. No spam, and you can leave with one click.</p>
      <div id="newsletter-form">
        <SignUpForm source={source} consent={consentSentence(name)} initial={initial} errors={errors} />
      </div>
    </section>
  );
}
