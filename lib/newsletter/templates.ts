// The newsletter's e-mails, each as a plain-text part and an HTML part made from the same pieces. Everything that
// comes from content or subscribers is escaped: the HTML part holds no markup but ours.
import "server-only";
import { escapeXml as escape } from "@/lib/syndication/xml";
import type { SubscriberLinks } from "./links";

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface IssueItem {
  title: string;
  url: string;
  /** A sentence or two: the episode's summary, the story's dek. */
  blurb: string;
  /** "18 June 2024 · 58 min" */
  meta: string;
}

export interface IssueContent {
  intro: string;
  episodes: IssueItem[];
  stories: IssueItem[];
}

const FONT = "font-family:Georgia,'Times New Roman',serif";

/** The frame every e-mail from the site shares: the site's name, a white card, a small footer. */
export function emailLayout(siteName: string, bodyHtml: string, footerHtml: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escape(siteName)}</title></head>
<body style="margin:0;background:#f5f2ec;color:#1d1b18;${FONT}">
<div style="max-width:600px;margin:0 auto;padding:24px">
<p style="font-size:22px;font-weight:bold;margin:0 0 16px">${escape(siteName)}</p>
<div style="background:#ffffff;border-radius:8px;padding:24px;font-size:16px;line-height:1.5">${bodyHtml}</div>
<div style="font-size:13px;color:#5c5750;padding:16px 4px;line-height:1.5">${footerHtml}</div>
</div></body></html>`;
}

export const paragraph = (text: string) => `<p style="margin:0 0 16px">${escape(text)}</p>`;
export const button = (href: string, label: string) =>
  `<p style="margin:24px 0"><a href="${escape(href)}" style="background:#1d1b18;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:bold">${escape(label)}</a></p>`;

export function confirmationEmail(siteName: string, confirmUrl: string, expiresInHours: number): EmailContent {
  const lines = [
    `Please confirm that you want ${siteName}'s newsletter at this address.`,
    `The link works once and for ${expiresInHours} hours. If you did not ask for this, ignore this message: you will not hear from us again.`,
  ];
  return {
    subject: `Confirm your subscription to ${siteName}`,
    text: `${lines[0]}\n\nConfirm: ${confirmUrl}\n\n${lines[1]}\n`,
    html: emailLayout(
      siteName,
      `${paragraph(lines[0]!)}${button(confirmUrl, "Confirm my subscription")}${paragraph(lines[1]!)}`,
      escape(`You got this because someone entered this address on ${siteName}'s site.`),
    ),
  };
}

function itemsText(heading: string, items: IssueItem[]): string {
  if (items.length === 0) return "";
  return `${heading.toUpperCase()}\n\n${items.map((item) => `${item.title}\n${item.meta}\n${item.blurb}\n${item.url}`.replace(/\n\n+/g, "\n")).join("\n\n")}\n\n`;
}

function itemsHtml(heading: string, items: IssueItem[]): string {
  if (items.length === 0) return "";
  const entries = items
    .map(
      (item) =>
        `<div style="margin:0 0 20px"><a href="${escape(item.url)}" style="font-size:18px;font-weight:bold;color:#1d1b18">${escape(item.title)}</a>` +
        `<div style="font-size:13px;color:#5c5750">${escape(item.meta)}</div>${item.blurb ? `<div>${escape(item.blurb)}</div>` : ""}</div>`,
    )
    .join("");
  return `<h2 style="font-size:14px;letter-spacing:1px;text-transform:uppercase;color:#9a3412;margin:24px 0 12px">${escape(heading)}</h2>${entries}`;
}

/** One subscriber's copy of an issue: the same content, their own unsubscribe and preferences links. */
export function issueEmail(siteName: string, subject: string, content: IssueContent, links: SubscriberLinks): EmailContent {
  const footerText = `You get this because you subscribed to ${siteName}'s newsletter.\nChange what you get: ${links.preferences}\nUnsubscribe: ${links.unsubscribePage}`;
  const footerHtml =
    `${escape(`You get this because you subscribed to ${siteName}'s newsletter.`)}<br>` +
    `<a href="${escape(links.preferences)}" style="color:#5c5750">Change what you get</a> · <a href="${escape(links.unsubscribePage)}" style="color:#5c5750">Unsubscribe</a>`;
  return {
    subject,
    text: `${content.intro ? `${content.intro}\n\n` : ""}${itemsText("New episodes", content.episodes)}${itemsText("New stories", content.stories)}--\n${footerText}\n`,
    html: emailLayout(
      siteName,
      `${
        content.intro
          ? content.intro
              .split(/\n{2,}/)
              .map(paragraph)
              .join("")
          : ""
      }${itemsHtml("New episodes", content.episodes)}${itemsHtml("New stories", content.stories)}`,
      footerHtml,
    ),
  };
}
