import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/account/sign-in-form";
import { NoticePage } from "@/components/ui/notice-page";
import { enabledProviders } from "@/lib/auth/options";
import { currentViewer } from "@/lib/auth/session";
import { signInParamsSchema } from "@/lib/validations/params";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };
export const dynamic = "force-dynamic";

// next-auth's error codes, in words.
const ERRORS: Record<string, string> = {
  Verification: "That sign-in link has expired or was used already. Ask for a new one.",
  EmailSignin: "We could not send the e-mail. Try again in a moment.",
  OAuthAccountNotLinked: "That e-mail address already signs in another way: use the way you used first.",
};

export default async function SignInPage({ searchParams }: PageProps<"/signin">) {
  const { callbackUrl, error } = signInParamsSchema.parse(await searchParams);
  if (await currentViewer()) redirect(callbackUrl);
  return (
    <NoticePage title="Sign in">
      <p>To comment, like and report. We e-mail you a link: no password to remember.</p>
      {error ? (
        <p role="alert" className="text-red-700">
          {ERRORS[error] ?? "Signing in did not work. Try again."}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} providers={enabledProviders()} />
    </NoticePage>
  );
}
