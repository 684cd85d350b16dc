// Writing XML by hand, safely: every text goes through escapeXml, HTML bodies through cdata.
import "server-only";

const XML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text or attribute value: markup characters escaped, and characters XML 1.0 forbids dropped. */
export function escapeXml(value: string): string {
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

/** An HTML body as character data; a "]]>" inside is split so it cannot end the section early. */
export function cdata(html: string): string {
  return `<![CDATA[${html.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "").replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

/** <name attr="…">text</name>, or nothing when the text is empty. */
export function element(name: string, text: string | number | null | undefined, attributes: Record<string, string | number | undefined> = {}): string {
  if (text === null || text === undefined || text === "") return "";
  return `<${name}${attributesText(attributes)}>${escapeXml(String(text))}</${name}>`;
}

export function emptyElement(name: string, attributes: Record<string, string | number | undefined>): string {
  return `<${name}${attributesText(attributes)}/>`;
}

function attributesText(attributes: Record<string, string | number | undefined>): string {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join("");
}

/** An address on this site, absolute; absolute addresses are kept as they are. */
export function absolute(url: string, siteUrl: string): string {
  return new URL(url, siteUrl).toString();
}
