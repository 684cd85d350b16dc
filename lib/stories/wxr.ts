// A WordPress export read as a stream, so memory holds only what is kept. A hostile file (a DOCTYPE, broken XML, more
// than any real site has) is refused whole; the odd but harmless is counted and reported.
import "server-only";
import { createReadStream } from "node:fs";
import sax from "sax";
import { htmlToText } from "@/lib/text/html";
import { DeclarationGuard } from "@/lib/text/xml-guard";
import { cutText } from "@/lib/text/safe-text";

export const WXR_LIMITS = {
  fileBytes: 1024 * 1024 * 1024,
  items: 200_000,
  comments: 2_000_000,
  fieldChars: 4 * 1024 * 1024,
} as const;

export class WxrError extends Error {
  override name = "WxrError";
}

export interface WxrComment {
  id: number;
  parentId: number | null;
  author: string;
  date: Date;
  text: string;
}

export interface WxrPost {
  id: number;
  type: "post" | "page";
  status: "publish" | "future" | "draft" | "pending" | "private";
  title: string;
  slug: string;
  link: string;
  date: Date | null;
  authorLogin: string;
  contentHtml: string;
  excerpt: string;
  categories: { slug: string; name: string }[];
  tags: { slug: string; name: string }[];
  thumbnailId: number | null;
  comments: WxrComment[];
}

export interface WxrDocument {
  siteTitle: string;
  siteUrl: string;
  authors: Map<string, string>;
  posts: WxrPost[];
  attachments: Map<number, string>;
  /** Items and comments passed over, by reason ("pingback", "status trash", "post type nav_menu_item"). */
  passedOver: Record<string, number>;
}

type Node = { name: string; attributes: Record<string, string>; text: string };

function count(record: Record<string, number>, reason: string) {
  record[reason] = (record[reason] ?? 0) + 1;
}

// WordPress writes dates as "2024-06-18 09:30:00" in UTC (…_gmt) and "0000-00-00 00:00:00" when there is none.
function gmtDate(value: string | undefined): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value?.trim() ?? "");
  if (!match || match[1] === "0000") return null;
  const date = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!, +match[4]!, +match[5]!, +match[6]!));
  return Number.isNaN(date.getTime()) ? null : date;
}

function integer(value: string | undefined): number | null {
  const trimmed = value?.trim() ?? "";
  return /^\d{1,10}$/.test(trimmed) && Number(trimmed) <= 2_147_483_647 ? Number(trimmed) : null;
}

/** The encoding the XML declaration names (UTF-8 when none), as TextDecoder knows it. */
function declaredEncoding(head: Buffer): string {
  const declaration = /^\s*<\?xml[^>]*encoding=["']([A-Za-z0-9._-]+)["']/.exec(head.toString("latin1"));
  const name = (declaration?.[1] ?? "utf-8").toLowerCase();
  try {
    new TextDecoder(name);
    return name;
  } catch {
    throw new WxrError(`The file says it is written in "${name}", an encoding this importer does not know.`);
  }
}

// A comment's words as plain text with its line breaks: WordPress keeps them as light HTML.
function commentText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>/gi, "\n")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => htmlToText(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Parses a WXR file from disk. Throws WxrError, naming the line, for anything that makes the file unusable. */
export async function readWxrFile(file: string): Promise<WxrDocument> {
  const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
  try {
    return await readWxr(stream);
  } finally {
    stream.destroy();
  }
}

/** Parses a WXR document from its bytes, as they come. */
export async function readWxr(source: AsyncIterable<Buffer>): Promise<WxrDocument> {
  const document: WxrDocument = { siteTitle: "", siteUrl: "", authors: new Map(), posts: [], attachments: new Map(), passedOver: {} };
  const parser = sax.parser(true, { trim: false, normalize: false, position: true });
  const stack: Node[] = [];
  let item: Map<string, string> | undefined;
  let itemTerms: { domain: string; slug: string; name: string }[] = [];
  let itemMeta: { key: string; value: string }[] = [];
  let itemComments: Map<string, string>[] = [];
  let comment: Map<string, string> | undefined;
  let meta: { key: string; value: string } | undefined;
  let author: Map<string, string> | undefined;
  let itemCount = 0;
  let commentCount = 0;
  let failure: Error | undefined;

  const fail = (message: string) => {
    failure ??= new WxrError(`${message} (line ${parser.line + 1}).`);
  };

  parser.ondoctype = () => fail("The file declares a DOCTYPE, which WordPress exports never do (it is how XML entity attacks start); it is refused");
  parser.onerror = (error) => fail(`The file is not well-formed XML: ${error.message.split("\n")[0]}`);
  parser.onopentag = (tag) => {
    const attributes = Object.fromEntries(Object.entries(tag.attributes).map(([key, value]) => [key, String(value)]));
    stack.push({ name: tag.name, attributes, text: "" });
    if (tag.name === "item") {
      if (++itemCount > WXR_LIMITS.items) fail(`The file has more than ${WXR_LIMITS.items} items`);
      item = new Map();
      itemTerms = [];
      itemMeta = [];
      itemComments = [];
    } else if (tag.name === "wp:comment" && item) {
      if (++commentCount > WXR_LIMITS.comments) fail(`The file has more than ${WXR_LIMITS.comments} comments`);
      comment = new Map();
    } else if (tag.name === "wp:postmeta" && item) meta = { key: "", value: "" };
    else if (tag.name === "wp:author" && !item) author = new Map();
  };
  const onText = (text: string) => {
    const node = stack.at(-1);
    if (!node) return;
    if (node.text.length + text.length > WXR_LIMITS.fieldChars) fail(`A <${node.name}> is longer than ${WXR_LIMITS.fieldChars} characters`);
    else node.text += text;
  };
  parser.ontext = onText;
  parser.oncdata = onText;
  parser.onclosetag = (name) => {
    const node = stack.pop();
    if (!node) return;
    const parent = stack.at(-1)?.name;
    if (comment && parent === "wp:comment") comment.set(name, node.text);
    else if (meta && parent === "wp:postmeta") {
      if (name === "wp:meta_key") meta.key = node.text.trim();
      if (name === "wp:meta_value") meta.value = node.text.trim();
    } else if (author && parent === "wp:author") author.set(name, node.text.trim());
    else if (item && parent === "item") {
      if (name === "category") itemTerms.push({ domain: node.attributes.domain ?? "", slug: node.attributes.nicename ?? "", name: node.text.trim() });
      else item.set(name, node.text);
    } else if (parent === "channel") {
      if (name === "title") document.siteTitle = node.text.trim();
      if (name === "link") document.siteUrl = node.text.trim();
    }
    if (name === "wp:comment" && comment) {
      itemComments.push(comment);
      comment = undefined;
    } else if (name === "wp:postmeta" && meta) {
      itemMeta.push(meta);
      meta = undefined;
    } else if (name === "wp:author" && author) {
      const login = author.get("wp:author_login");
      if (login) document.authors.set(login, author.get("wp:author_display_name") || login);
      author = undefined;
    } else if (name === "item" && item) {
      keepItem(document, item, itemTerms, itemMeta, itemComments);
      item = undefined;
    }
  };

  const head = Buffer.alloc(200);
  const guard = new DeclarationGuard();
  let decoder: TextDecoder | undefined;
  let bytes = 0;
  let sawRoot = false;
  for await (const chunk of source) {
    if (!decoder) {
      chunk.copy(head, 0, 0, Math.min(chunk.length, head.length));
      decoder = new TextDecoder(declaredEncoding(head), { fatal: false });
    }
    bytes += chunk.length;
    if (bytes > WXR_LIMITS.fileBytes) fail(`The file is larger than ${WXR_LIMITS.fileBytes / 1024 / 1024} MB`);
    if (failure) break;
    const text = decoder.decode(chunk, { stream: true });
    if (guard.scan(text).length) fail('The file has a malformed "<!" declaration (not a comment, CDATA or DOCTYPE)');
    if (failure) break;
    parser.write(text);
    sawRoot ||= stack.length > 0 || itemCount > 0;
    if (failure) break;
  }
  const rest = decoder?.decode() ?? "";
  if (!failure && guard.scan(rest, true).length) fail('The file has a malformed "<!" declaration (not a comment, CDATA or DOCTYPE)');
  if (!failure) {
    parser.write(rest);
    parser.close();
  }
  if (failure) throw failure;
  if (!sawRoot || (!document.siteUrl && !document.posts.length && !document.siteTitle)) {
    throw new WxrError("The file is not a WordPress export: it has no <channel> with posts (export it from Tools → Export in WordPress).");
  }
  return document;
}

const POST_STATUSES = new Set(["publish", "future", "draft", "pending", "private"]);

function keepItem(
  document: WxrDocument,
  item: Map<string, string>,
  terms: { domain: string; slug: string; name: string }[],
  meta: { key: string; value: string }[],
  comments: Map<string, string>[],
) {
  const type = item.get("wp:post_type")?.trim() ?? "";
  const id = integer(item.get("wp:post_id"));
  if (id === null) return count(document.passedOver, "item without a post id");
  if (type === "attachment") {
    const url = item.get("wp:attachment_url")?.trim() ?? "";
    if (/^https?:\/\//i.test(url)) document.attachments.set(id, url);
    return;
  }
  if (type !== "post" && type !== "page") return count(document.passedOver, `post type ${type || "unknown"}`);
  const status = item.get("wp:status")?.trim() ?? "";
  if (!POST_STATUSES.has(status)) return count(document.passedOver, `${type} with status ${status || "none"}`);
  const kept: WxrComment[] = [];
  for (const entry of comments) {
    const commentType = entry.get("wp:comment_type")?.trim() ?? "";
    if (commentType && commentType !== "comment") count(document.passedOver, commentType);
    else if (entry.get("wp:comment_approved")?.trim() !== "1") count(document.passedOver, "comment not approved");
    else {
      const commentId = integer(entry.get("wp:comment_id"));
      const date = gmtDate(entry.get("wp:comment_date_gmt")) ?? gmtDate(entry.get("wp:comment_date"));
      const text = commentText(entry.get("wp:comment_content") ?? "");
      if (commentId === null || !date || !text) count(document.passedOver, "comment without id, date or words");
      else
        kept.push({
          id: commentId,
          parentId: integer(entry.get("wp:comment_parent")) || null,
          author: cutText((entry.get("wp:comment_author") ?? "").trim(), 100),
          date,
          text,
        });
    }
  }
  const name = (text: string) => cutText(htmlToText(text), 100);
  document.posts.push({
    id,
    type,
    status: status as WxrPost["status"],
    title: cutText(htmlToText(item.get("title") ?? ""), 300),
    slug: safeDecode(item.get("wp:post_name")?.trim() ?? ""),
    link: item.get("link")?.trim() ?? "",
    date: gmtDate(item.get("wp:post_date_gmt")) ?? (item.get("pubDate") ? validDate(item.get("pubDate")!) : null),
    authorLogin: item.get("dc:creator")?.trim() ?? "",
    contentHtml: item.get("content:encoded") ?? "",
    excerpt: cutText(htmlToText(item.get("excerpt:encoded") ?? ""), 600),
    categories: terms.filter((term) => term.domain === "category" && term.name).map((term) => ({ slug: term.slug, name: name(term.name) })),
    tags: terms.filter((term) => term.domain === "post_tag" && term.name).map((term) => ({ slug: term.slug, name: name(term.name) })),
    thumbnailId: integer(meta.find((entry) => entry.key === "_thumbnail_id")?.value),
    comments: kept,
  });
}

function validDate(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

// Post slugs with accents are stored percent-encoded ("caf%c3%a9").
function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** WordPress's wpautop: paragraphs for text that has none; what already is an HTML block stays. */
export function paragraphs(html: string): string {
  const text = html.replace(/\r\n?/g, "\n").trim();
  if (!text || /<p[\s>]/i.test(text)) return text;
  return text
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => (/^<(?:h[1-6]|ul|ol|blockquote|pre|figure|table|div|hr|!--)/i.test(block) ? block : `<p>${block.replace(/\n/g, "<br>\n")}</p>`))
    .join("\n");
}
