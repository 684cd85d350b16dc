// Bytes to text for a feed (rss-parser trusts only the HTTP charset): a byte-order mark, then the header, then the XML
// declaration, as XML defines; undeclared bytes that are not UTF-8 are read as Windows-1252.

import "server-only";
export interface DecodedFeed {
  text: string;
  encoding: string;
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

function bomEncoding(bytes: Uint8Array): string | undefined {
  return BOMS.find(({ bytes: bom }) => bom.every((byte, index) => bytes[index] === byte))?.encoding;
}

function supported(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label.trim().toLowerCase()).encoding;
  } catch {
    return undefined;
  }
}

export function charsetFromContentType(contentType: string | undefined): string | undefined {
  const match = contentType?.match(/charset\s*=\s*"?([\w.:-]+)"?/i);
  return supported(match?.[1]);
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  // The declaration is ASCII in every encoding a declaration can name (UTF-16 is caught by its BOM).
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 512));
  const match = head.match(/^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i);
  return supported(match?.[1]);
}

export function decodeFeed(bytes: Uint8Array, contentType?: string): DecodedFeed {
  const bom = bomEncoding(bytes);
  const encoding = bom ?? charsetFromContentType(contentType) ?? declaredEncoding(bytes);
  if (encoding) {
    // A BOM is stripped by TextDecoder; "fatal: false" turns stray invalid bytes into U+FFFD instead of failing.
    return { text: new TextDecoder(encoding).decode(bytes), encoding };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "windows-1252" };
  }
}
