// Cutting a feed into its items without parsing it, so that a re-sync parses only the items that changed (a daily
// show's 5,000-item feed usually gains one). The cut is a plain text scan; when it is not trustworthy (an item
// element inside CDATA, say) the parsed item count will differ and the caller falls back to a full parse.
import "server-only";
export interface FeedPieces {
  head: string;
  items: string[];
  tail: string;
}

const ITEM = /<(item|entry)[\s>][\s\S]*?<\/\1\s*>/g;

export function splitFeedItems(text: string): FeedPieces | undefined {
  const items: string[] = [];
  let first = -1;
  let last = -1;
  for (const match of text.matchAll(ITEM)) {
    if (first < 0) first = match.index;
    else if (text.slice(last, match.index).trim() !== "") return undefined; // something between items: not a plain list
    items.push(match[0]);
    last = match.index + match[0].length;
  }
  if (items.length === 0) return undefined;
  return { head: text.slice(0, first), items, tail: text.slice(last) };
}
