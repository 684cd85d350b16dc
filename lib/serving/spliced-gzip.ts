// A page with nonce marks compressed once, each reader's nonce spliced in as stored deflate blocks between stretches
// compressed apart: a CRC per response instead of compressing (docs/BENCHMARKS.md). Relative imports: the launcher loads it.
import "server-only";
import zlib from "node:zlib";
import { splitAtMarks } from "@/lib/security/content-security-policy";

export interface SplicedGzip {
  /** The page between its marks, as sent. */
  plain: Buffer[];
  /** Each stretch compressed on its own; the last one ends the deflate stream. */
  compressed: Buffer[];
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255]);

export function spliceable(body: Buffer, mark: string): SplicedGzip {
  const plain = splitAtMarks(body, mark);
  const last = plain.length - 1;
  const compressed = plain.map((stretch, index) =>
    zlib.deflateRawSync(stretch, { level: 6, finishFlush: index < last ? zlib.constants.Z_FULL_FLUSH : zlib.constants.Z_FINISH }),
  );
  return { plain, compressed };
}

/** The gzip body of one response, in parts to write in order. */
export function splice({ plain, compressed }: SplicedGzip, nonce: string): Buffer[] {
  const nonceBytes = Buffer.from(nonce);
  // A stored block: not final, type 00, then the length and its complement (RFC 1951, 3.2.4).
  const stored = Buffer.alloc(5 + nonceBytes.length);
  stored.writeUInt16LE(nonceBytes.length, 1);
  stored.writeUInt16LE(~nonceBytes.length & 0xffff, 3);
  nonceBytes.copy(stored, 5);
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let size = 0;
  for (const [index, stretch] of plain.entries()) {
    parts.push(compressed[index]!);
    crc = zlib.crc32(stretch, crc);
    size += stretch.length;
    if (index < plain.length - 1) {
      parts.push(stored);
      crc = zlib.crc32(nonceBytes, crc);
      size += nonceBytes.length;
    }
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  parts.push(trailer);
  return parts;
}
