import type { EmailContent } from "@/lib/newsletter/templates";
import { escapeXml as escape } from "@/lib/syndication/xml";

/** The magic-link e-mail: plain text and a small HTML part with one button. */
export function signInEmail(siteName: string, url: string, minutes: number): EmailContent {
  const note = `The link works once, for ${minutes} minutes. If you did not ask to sign in, ignore this message.`;
  return {
    subject: `Sign in to ${siteName}`,
    text: `Sign in to ${siteName}:\n${url}\n\n${note}\n`,
    html:
      `<!doctype html><html lang="en"><body style="font-family:Georgia,serif;color:#1d1b18">` +
      `<p>Sign in to ${escape(siteName)}:</p>` +
      `<p><a href="${escape(url)}" style="background:#1d1b18;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none">Sign in</a></p>` +
      `<p style="color:#5c5750">${escape(note)}</p></body></html>`,
  };
}
