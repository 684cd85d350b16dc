// Mends the defects that make strict XML parsers (rss-parser's xml2js among them) reject a whole feed that every
// podcast app reads fine. Used only after a strict parse has failed, so well-formed feeds are never rewritten.

// rss-parser turns an Atom entry's <published>/<updated> into ISO strings without a guard: one unreadable date
// throws and costs the whole feed. Emptied, the entry imports with the time it was first seen.
const ATOM_DATE = /<(published|updated)>([^<]*)<\/\1>/g;

function dropUnreadableAtomDates(text: string): string {
  return text.replace(ATOM_DATE, (element, name: string, value: string) => (Number.isNaN(Date.parse(value.trim())) ? `<${name}></${name}>` : element));
}

const BARE_AMPERSAND = /&(?!#\d{1,7};|#x[0-9a-f]{1,6};|[a-z][\w.-]{0,31};)/gi;

export function repairFeedXml(text: string): string {
  return dropUnreadableAtomDates(
    text
      // Anything before the first tag: blank lines before the declaration, a stray BOM, server warnings.
      .replace(/^[\s\S]*?(?=<)/, "")
      // A DOCTYPE can define entities (expansion bombs, external files): feeds never need one.
      .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, "")
      // <rss> without a version is RSS 2.0 in practice; rss-parser refuses it without one.
      .replace(/<rss(?![^>]*\bversion=)(\s|>)/i, '<rss version="2.0"$1')
      .replace(BARE_AMPERSAND, "&amp;"),
  );
}
