import type { Metadata } from "next";
import { z } from "zod";
import { NewsletterBox } from "@/components/newsletter/newsletter-box";
import { SIGN_UP_THROTTLED } from "@/lib/newsletter/messages";
import { newsletterPageParamsSchema, signUpSchema } from "@/lib/validations/newsletter";

export const metadata: Metadata = { title: "Newsletter", alternates: { canonical: "/newsletter" } };

// Rendered per request: it shows what a refused sign-up without JavaScript typed.
export const dynamic = "force-dynamic";

export default async function NewsletterPage({ searchParams }: PageProps<"/newsletter">) {
  const params = newsletterPageParamsSchema.parse(await searchParams);
  const initial = { email: params.email, name: params.name };
  let errors: { email?: string; name?: string; form?: string } | undefined;
  if (params.error === "throttled") errors = { form: SIGN_UP_THROTTLED };
  if (params.error === "invalid") {
    const checked = signUpSchema.safeParse(initial);
    const fieldErrors = checked.success ? {} : z.flattenError(checked.error).fieldErrors;
    errors = { email: fieldErrors.email?.[0], name: fieldErrors.name?.[0], form: "Please check the form." };
  }
  return (
    <div className="mx-auto max-w-3xl">
      <NewsletterBox source="/newsletter" asPage initial={initial} errors={errors} />
    </div>
  );
}
