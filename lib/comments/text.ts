// Comment text: plain text only. It is stored as typed and rendered as text pieces, links found in it made into
// links of our own making (http and https only), so nothing a commenter writes is ever markup. Client-safe.

export type CommentPiece = { text: string } | { url: string; text: string };

// A URL as people paste them, stopping before trailing punctuation that ends a sentence.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)\]}]/gi;

export function commentPieces(body: string): CommentPiece[] {
  const pieces: CommentPiece[] = [];
  let last = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    const start = match.index;
    if (start > last) pieces.push({ text: body.slice(last, start) });
    pieces.push({ url: match[0], text: match[0] });
    last = start + match[0].length;
  }
  if (last < body.length) pieces.push({ text: body.slice(last) });
  return pieces;
}

export function linkCount(body: string): number {
  return [...body.matchAll(URL_PATTERN)].length;
}
