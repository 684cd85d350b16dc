// Cutting a feed into items by a text scan, so a re-sync parses only what changed. When the cut cannot be trusted
// (an item inside CDATA), the parsed count differs and the caller parses the whole feed.
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
