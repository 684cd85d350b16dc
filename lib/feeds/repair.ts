// Mends the defects that make strict XML parsers (rss-parser's xml2js among them) reject a whole feed that every
// podcast app reads fine. Used only after a strict parse has failed, so well-formed feeds are never rewritten.
import "server-only";
import { decodeHTMLStrict } from "entities";

// rss-parser turns an Atom entry's <published>/<updated> into ISO strings without a guard: one unreadable date
// throws and costs the whole feed. Emptied, the entry imports with the time it was first seen.
const ATOM_DATE = /<(published|updated)>([^<]*)<\/\1>/g;

function dropUnreadableAtomDates(text: string): string {
  return text.replace(ATOM_DATE, (element, name: string, value: string) => (Number.isNaN(Date.parse(value.trim())) ? `<${name}></${name}>` : element));
}

const BARE_AMPERSAND = /&(?!#\d{1,7};|#x[0-9a-f]{1,6};|[a-z][\w.-]{0,31};)/gi;

// Feeds use HTML's named entities (&eacute;) and typos (&gtgt;): HTML5's table gives the first their characters, the
// rest stay as written. A feed's own DOCTYPE entities never count: the DOCTYPE is refused first.
const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);
// A numeric reference to what XML forbids (NUL, a lone surrogate from &#xD800;) reads as the replacement character.
const ENTITY = /&(?:#x([0-9a-f]{1,6})|#(\d{1,7})|([a-z][a-z0-9]{0,31}));/gi;

const allowedInXml = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

function entitiesReadable(text: string): string {
  return text.replace(ENTITY, (entity, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (!name) return allowedInXml(hex ? parseInt(hex, 16) : Number(decimal)) ? entity : "&#xFFFD;";
    if (XML_ENTITIES.has(name)) return entity;
    const decoded = decodeHTMLStrict(entity);
    return decoded === entity ? `&amp;${name};` : [...decoded].map((character) => `&#${character.codePointAt(0)};`).join("");
  });
}

// Entities mean nothing inside CDATA: its text is left as it is.
function outsideCdata(text: string, repair: (part: string) => string): string {
  return text
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part, index) => (index % 2 === 1 ? part : repair(part)))
    .join("");
}

// Characters XML forbids written as themselves (NUL and other C0 controls, lone surrogates, U+FFFE/U+FFFF), inside
// CDATA too: a strict parser refuses the whole document for one of them.
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function repairFeedXml(text: string): string {
  const mended = text
    .replace(FORBIDDEN_CHARACTER, "\uFFFD")
    // Anything before the first tag: blank lines before the declaration, a stray BOM, server warnings.
    .replace(/^[\s\S]*?(?=<)/, "")
    // A DOCTYPE can define entities (expansion bombs, external files): feeds never need one.
    .replace(/<!DOCTYPE[^>[]*(\[[\s\S]*?\])?\s*>/gi, "")
    // <rss> without a version is RSS 2.0 in practice; rss-parser refuses it without one.
    .replace(/<rss(?![^>]*\bversion=)(\s|>)/i, '<rss version="2.0"$1')
    // The document's last closing tag without its ">" (a generator's off-by-one, a last byte lost).
    .replace(/(<\/(?:rss|feed|rdf:RDF))\s*$/, "$1>");
  return dropUnreadableAtomDates(outsideCdata(mended, (part) => entitiesReadable(part.replace(BARE_AMPERSAND, "&amp;"))));
}
