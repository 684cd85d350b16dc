import { button, emailLayout, paragraph, type EmailContent } from "@/lib/newsletter/templates";
import { escapeXml as escape } from "@/lib/syndication/xml";

/** The magic-link e-mail: plain text, and the site's e-mail frame with one button. */
export function signInEmail(siteName: string, url: string, minutes: number): EmailContent {
  const note = `The link works once, for ${minutes} minutes. If you did not ask to sign in, ignore this message.`;
  return {
    subject: `Sign in to ${siteName}`,
    text: `Sign in to ${siteName}:\n${url}\n\n${note}\n`,
    html: emailLayout(siteName, `${paragraph(`Sign in to ${siteName}:`)}${button(url, "Sign in")}${paragraph(note)}`, escape(`You got this because someone asked to sign in to ${siteName} with this address.`)),
  };
}
