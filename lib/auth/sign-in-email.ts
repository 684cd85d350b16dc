import "server-only";
import { siteMailer, type Mailer } from "@/lib/mail/mailer";
import { mayMailVisitor } from "@/lib/mail/visitor-mail-limits";
import { siteName } from "@/lib/shows/shows";
import { button, emailLayout, paragraph, type EmailContent } from "@/lib/newsletter/templates";
import { escapeXml as escape } from "@/lib/syndication/xml";

/** The magic-link e-mail: plain text, and the site's e-mail frame with one button. */
export function signInEmail(siteName: string, url: string, minutes: number): EmailContent {
  const note = `The link works once, for ${minutes} minutes. If you did not ask to sign in, ignore this message.`;
  return {
    subject: `Sign in to ${siteName}`,
    text: `Sign in to ${siteName}:\n${url}\n\n${note}\n`,
    html: emailLayout(
      siteName,
      `${paragraph(`Sign in to ${siteName}:`)}${button(url, "Sign in")}${paragraph(note)}`,
      escape(`You got this because someone asked to sign in to ${siteName} with this address.`),
    ),
  };
}

/** Mails a magic link within the visitor-mail limits; past them nothing is sent and the answer is the same. */
export async function sendSignInLink(link: { email: string; url: string; minutes: number }, network: string, mailer: Mailer = siteMailer()): Promise<boolean> {
  if (!(await mayMailVisitor("sign-in", link.email, network))) return false;
  const name = await siteName();
  await mailer.send({ ...signInEmail(name, link.url, link.minutes), fromName: name, to: { address: link.email } });
  return true;
}
