// A "<!" that opens no comment, CDATA or DOCTYPE makes sax take quadratic time (`npm run fuzz`). It is never valid XML,
// so it is found here first, in one pass across chunks, outside CDATA and comments.
import "server-only";

const OPENERS = ["<![CDATA[", "<!--", "<!DOCTYPE"] as const;
const LONGEST = Math.max(...OPENERS.map((opener) => opener.length));

export interface StrayDeclaration {
  /** Offset in the text scanned so far (all chunks together). */
  offset: number;
}

/** Scans XML text chunk by chunk; `scan` answers the stray "<!" declarations that end the chunk's safe part. */
export class DeclarationGuard {
  private state: "text" | "cdata" | "comment" = "text";
  private carry = "";
  private consumed = 0;
  private sawDoctype = false;

  /** Stray "<!" openings in this chunk (and what was held back from the last one). */
  scan(chunk: string, final = false): StrayDeclaration[] {
    const text = this.carry + chunk;
    const base = this.consumed - this.carry.length;
    const found: StrayDeclaration[] = [];
    let at = 0;
    for (;;) {
      if (this.state !== "text") {
        const end = text.indexOf(this.state === "cdata" ? "]]>" : "-->", at);
        if (end < 0) {
          at = Math.max(at, text.length - 2);
          break;
        }
        at = end + 3;
        this.state = "text";
        continue;
      }
      const open = text.indexOf("<!", at);
      if (open < 0) {
        // A "<" at the very end may be the start of a "<!" that the next chunk completes.
        at = !final && text.endsWith("<") ? text.length - 1 : text.length;
        break;
      }
      // Too near the end to tell which opener this is: wait for the next chunk.
      if (!final && text.length - open < LONGEST) {
        at = open;
        break;
      }
      const rest = text.slice(open, open + LONGEST);
      if (rest.startsWith("<![CDATA[")) this.state = "cdata";
      else if (rest.startsWith("<!--")) this.state = "comment";
      else if (rest.toUpperCase().startsWith("<!DOCTYPE") && !this.sawDoctype) this.sawDoctype = true;
      else found.push({ offset: base + open });
      at = open + 2;
    }
    this.carry = text.slice(at);
    this.consumed = base + text.length;
    return found;
  }
}

/** A feed with stray "<!" declarations, each turned into text ("&lt;!") so the parser reads it in linear time. */
export function escapeStrayDeclarations(xml: string): string {
  if (!xml.includes("<!")) return xml;
  const stray = new DeclarationGuard().scan(xml, true);
  if (!stray.length) return xml;
  let out = "";
  let from = 0;
  for (const { offset } of stray) {
    out += `${xml.slice(from, offset)}&lt;!`;
    from = offset + 2;
  }
  return out + xml.slice(from);
}
