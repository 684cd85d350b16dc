// The one allow-list for HTML that comes from outside (feed show notes, story bodies). Nothing else is rendered
// with dangerouslySetInnerHTML.
import "server-only";
import sanitizeHtml from "sanitize-html";

const LINK_REL = "nofollow ugc noopener";

const allowList: sanitizeHtml.IOptions = {
  allowedTags: [
    "p",
    "br",
    "a",
    "strong",
    "b",
    "em",
    "i",
    "u",
    "s",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h2",
    "h3",
    "h4",
    "code",
    "pre",
    "hr",
    "img",
    "figure",
    "figcaption",
    "span",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], img: ["src", "alt", "width", "height", "loading"] },
  // An image only from an absolute http(s) address (a relative one would point into this site).
  exclusiveFilter: (frame) => frame.tag === "img" && !/^https?:\/\//i.test(frame.attribs.src ?? ""),
  allowedSchemes: ["http", "https", "mailto"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    // A link without a safe target becomes its text, in a plain span (a tag that is dropped instead would leave
    // its closing tag behind in some nestings).
    a: (tagName, attribs) => (isSafeHref(attribs.href) ? { tagName, attribs: { ...attribs, rel: LINK_REL } } : { tagName: "span", attribs: {} }),
    h1: "h2",
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: "lazy" } }),
  },
};

function isSafeHref(href: string | undefined): boolean {
  return Boolean(href && /^(https?:|mailto:)/i.test(href.trim()));
}

export function sanitizeNotesHtml(html: string): string {
  return sanitizeHtml(html, allowList).trim();
}

/** Plain text from HTML, whitespace collapsed: for summaries and search. */
export function htmlToText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|li|h\d|blockquote)>|<br\s*\/?>/gi, " "), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
