// rss-parser's stripHtml takes quadratic time on many "<" without ">" (`npm run fuzz`: seconds for 60 KB). It is
// replaced, for the whole process, by a one-pass equivalent.
import "server-only";
import rssParserUtils from "rss-parser/lib/utils.js";

const BLOCK_TAGS = new Set(["h", "br", "p", "ul", "ol", "li", "blockquote", "section", "table", "tr", "div"]);

export function stripHtmlInOnePass(html: string): string {
  let out = "";
  let at = 0;
  let lineBreak = false;
  const text = (part: string) => {
    if (!part) return;
    if (lineBreak && out && !out.endsWith("\n")) out += "\n";
    lineBreak = false;
    out += part;
  };
  for (;;) {
    const open = html.indexOf("<", at);
    if (open < 0) break;
    const close = html.indexOf(">", open + 1);
    // No tag ends after this "<": the rest is text, and no later "<" can end one either.
    if (close < 0) break;
    text(html.slice(at, open));
    const name = /^\/?([a-z]+\d?)/i.exec(html.slice(open + 1, Math.min(close, open + 16)))?.[1]?.toLowerCase() ?? "";
    if (BLOCK_TAGS.has(name.replace(/^h\d$/, "h"))) lineBreak = true;
    at = close + 1;
  }
  text(html.slice(at));
  return out;
}

// The module object rss-parser's own parser reads stripHtml from at each call (imported, not required, so that
// every loader, Jest's included, hands out that same object).
rssParserUtils.stripHtml = stripHtmlInOnePass;
