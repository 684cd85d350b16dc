// Properties every parser and validator must keep for any input at all (fast-check): no crash (only the error
// each one promises), no hang, and no unsanitized HTML out. `npm run fuzz` runs each 100,000 times
// (scripts/fuzz.ts); the unit suite runs each a few hundred times, and replays the inputs that once broke
// something (tests/fixtures/fuzz/).
import fc from "fast-check";
import { Parser } from "htmlparser2";
import { FeedParseError, parsePodcastFeed } from "@/lib/feeds/parse";
import { sanitizeNotesHtml } from "@/lib/text/html";
import { slugify } from "@/lib/text/slug";
import { readWxr, WxrError, paragraphs } from "@/lib/stories/wxr";
import { commentBodySchema, postCommentSchema } from "@/lib/validations/comments";
import { signUpSchema } from "@/lib/validations/newsletter";
import { searchSearchParamsSchema } from "@/lib/validations/params";
import { storyFormSchema } from "@/lib/validations/story";
import { guardRequest } from "@/lib/http/request-guard";
import { discoverRoutes, routeAddress } from "../setup/routes";

/** Inputs that broke parsers somewhere once: scripts in every disguise, entities, encodings, XML's own edges. */
export const HOSTILE = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href=" JaVaScRiPt:alert(1)">x</a>',
  '<a href="data:text/html,<script>alert(1)</script>">x</a>',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<iframe src=//evil.example></iframe>",
  '<object data="evil.swf"></object>',
  '<form action="//evil"><button>x</button></form>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<template><script>alert(1)</script></template>",
  "]]>",
  "<![CDATA[",
  "]]]]><![CDATA[>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#x3C;script&#x3E;",
  "&amp;&lt;&gt;&quot;&#39;&#0;&#xD800;",
  "&unknown; &#99999999;",
  "\u0000\u0001\u0008\u000b\u001f",
  "\uFEFF\u200B\u202E\u2066",
  "\uD800 \uDFFF",
  "Café ☕ 🎙️ עברית العربية",
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>',
  '<!ENTITY xxe SYSTEM "file:///etc/passwd">',
  "&xxe;",
  "%00",
  '\'; DROP TABLE "Story"; --',
  '" OR 1=1 --',
  "a".repeat(10_000),
  "<".repeat(1000),
  "<p>".repeat(500),
];

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 3, arbitrary: fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 20 })), { maxLength: 6 }).map((parts) => parts.join("")) },
);

// HTML the sanitizer lets through: its tags, no handlers, no styles, links and images only to safe schemes.
const ALLOWED_TAGS = new Set([
  "p",
  "br",
  "a",
  "strong",
  "b",
  "em",
  "i",
  "u",
  "s",
  "ul",
  "ol",
  "li",
  "blockquote",
  "h2",
  "h3",
  "h4",
  "code",
  "pre",
  "hr",
  "img",
  "figure",
  "figcaption",
  "span",
]);
const ALLOWED_ATTRIBUTES: Record<string, Set<string>> = { a: new Set(["href", "title", "rel"]), img: new Set(["src", "alt", "width", "height", "loading"]) };

/** Why `html` is not safe to put in a page, or undefined when it is (read by a real HTML parser, as a browser would). */
export function unsafeHtml(html: string): string | undefined {
  let problem: string | undefined;
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (!ALLOWED_TAGS.has(name)) problem ??= `tag <${name}>`;
        for (const [attribute, value] of Object.entries(attributes)) {
          if (!ALLOWED_ATTRIBUTES[name]?.has(attribute)) problem ??= `attribute ${attribute} on <${name}>`;
          if ((attribute === "href" || attribute === "src") && !/^(https?:|mailto:)/i.test(value.trim())) problem ??= `${attribute}="${value.slice(0, 40)}"`;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return problem;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// Text put into XML as a generator would (escaped or in CDATA) or as a broken one would (raw).
const xmlText = fc
  .tuple(hostileText, fc.constantFrom("escaped", "cdata", "raw"))
  .map(([text, how]) => (how === "escaped" ? escapeXml(text) : how === "cdata" ? `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>` : text));

const feedXml = fc.oneof(
  { weight: 1, arbitrary: hostileText },
  {
    weight: 4,
    arbitrary: fc
      .record({
        title: xmlText,
        description: xmlText,
        items: fc.array(
          fc.record({
            title: xmlText,
            guid: xmlText,
            notes: xmlText,
            url: xmlText,
            date: fc.oneof(
              xmlText,
              fc.date({ noInvalidDate: true }).map((date) => date.toUTCString()),
            ),
          }),
          { maxLength: 4 },
        ),
      })
      .map(
        (feed) =>
          `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>${feed.title}</title><description>${feed.description}</description>${feed.items
            .map(
              (item) =>
                `<item><title>${item.title}</title><guid>${item.guid}</guid><pubDate>${item.date}</pubDate><content:encoded>${item.notes}</content:encoded><enclosure url="${item.url.replace(/"/g, "&quot;")}" type="audio/mpeg" length="1"/></item>`,
            )
            .join("")}</channel></rss>`,
      ),
  },
);

const wxrXml = fc.oneof(
  { weight: 1, arbitrary: hostileText },
  {
    weight: 4,
    arbitrary: fc
      .record({
        posts: fc.array(
          fc.record({
            id: fc.oneof(fc.integer({ min: -5, max: 3_000_000_000 }).map(String), hostileText),
            title: xmlText,
            slug: xmlText,
            content: xmlText,
            status: fc.oneof(fc.constantFrom("publish", "draft", "future", "trash", "private"), hostileText),
            type: fc.oneof(fc.constantFrom("post", "page", "attachment"), hostileText),
            comments: fc.array(
              fc.record({
                id: fc.integer({ min: 0, max: 99 }),
                parent: fc.integer({ min: 0, max: 99 }),
                text: xmlText,
                approved: fc.constantFrom("1", "0", "spam"),
              }),
              { maxLength: 4 },
            ),
          }),
          { maxLength: 3 },
        ),
      })
      .map(
        ({ posts }) =>
          `<?xml version="1.0" encoding="UTF-8"?><rss xmlns:wp="http://wordpress.org/export/1.2/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Fuzz</title><link>https://fuzz.example</link>${posts
            .map(
              (post) =>
                `<item><title>${post.title}</title><wp:post_id>${escapeXml(post.id)}</wp:post_id><wp:post_name>${post.slug}</wp:post_name><wp:status>${escapeXml(post.status)}</wp:status><wp:post_type>${escapeXml(post.type)}</wp:post_type><wp:post_date_gmt>2024-01-01 00:00:00</wp:post_date_gmt><content:encoded>${post.content}</content:encoded>${post.comments
                  .map(
                    (comment) =>
                      `<wp:comment><wp:comment_id>${comment.id}</wp:comment_id><wp:comment_parent>${comment.parent}</wp:comment_parent><wp:comment_date_gmt>2024-01-02 00:00:00</wp:comment_date_gmt><wp:comment_approved>${comment.approved}</wp:comment_approved><wp:comment_content>${comment.text}</wp:comment_content></wp:comment>`,
                  )
                  .join("")}</item>`,
            )
            .join("")}</channel></rss>`,
      ),
  },
);

// The bytes of a document cut into chunks anywhere, as a network or a disk delivers them.
function chunked(text: string, cuts: number[]): AsyncIterable<Buffer> {
  const bytes = Buffer.from(text);
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const parts = [0, ...points, bytes.length].flatMap((start, index, all) => (index < all.length - 1 ? [bytes.subarray(start, all[index + 1])] : []));
  return (async function* () {
    yield* parts;
  })();
}

const formFields = fc.dictionary(
  fc.constantFrom(
    "title",
    "slug",
    "body",
    "dek",
    "status",
    "publishAt",
    "timezoneOffset",
    "categories",
    "tags",
    "episodes",
    "heroImageUrl",
    "audioUrl",
    "email",
    "name",
    "consent",
    "website",
    "shownAt",
    "kind",
    "target",
    "moment",
    "q",
    "type",
    "from",
    "to",
    "page",
    "id",
    "parentId",
  ),
  hostileText,
  { maxKeys: 12 },
);

/** Search as the search page runs it (the query validated first), against a database with content. */
export function searchProperty(
  search: (filters: {
    query: string;
    kind: "all" | "episodes" | "stories";
  }) => Promise<{ episodes: { snippet: unknown[] }[]; stories: { snippet: unknown[] }[] }>,
  suggest: (typed: string) => Promise<unknown[]>,
): FuzzProperty {
  return {
    name: "Search queries (on the database)",
    property: fc.asyncProperty(fc.tuple(hostileText, fc.constantFrom("all", "episodes", "stories")), async (input: unknown) => {
      const [query, kind] = input as [string, "all" | "episodes" | "stories"];
      await suggest(query.slice(0, 200));
      const parsed = searchSearchParamsSchema.safeParse({ q: query, type: kind });
      if (!parsed.success || !parsed.data.q) return;
      const results = await search({ query: parsed.data.q, kind: parsed.data.type });
      for (const hit of [...results.episodes, ...results.stories]) if (!Array.isArray(hit.snippet)) fail("a snippet that is not text parts");
    }) as fc.IAsyncProperty<[unknown]>,
  };
}

/** A path segment or query value as a hostile client writes it: raw text, percent-escapes of any bytes, or both. */
const addressPart = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }).map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, ""))),
  fc.uint8Array({ maxLength: 24 }).map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("")),
  fc
    .array(fc.constantFrom("%", "%f", "%ff", "%00", "%ED%A0%80", "%C0%AF", "%E2%82", "%2F", "..", "a", "é", "+", "%25", "%F0%9F%8E%99"), { maxLength: 8 })
    .map((parts) => parts.join("")),
);

export interface FuzzProperty {
  name: string;
  /** How long `npm run fuzz` lets it run in all, when longer than the default (a property on the database). */
  timeLimitMs?: number;
  property: fc.IAsyncProperty<[unknown]> | fc.IProperty<[unknown]>;
}

function fail(message: string): never {
  throw new Error(message);
}

export const PROPERTIES: FuzzProperty[] = [
  {
    name: "HTML sanitizer (show notes, story bodies)",
    property: fc.property(fc.oneof(hostileText, feedXml), (html: unknown) => {
      const clean = sanitizeNotesHtml(html as string);
      const problem = unsafeHtml(clean);
      if (problem) fail(`unsafe output: ${problem}`);
    }) as fc.IProperty<[unknown]>,
  },
  {
    name: "Feed parser (RSS/Atom to episodes)",
    property: fc.asyncProperty(feedXml, async (xml: unknown) => {
      try {
        const feed = await parsePodcastFeed(xml as string, { feedUrl: "https://fuzz.example/feed.xml" });
        for (const episode of feed.episodes) {
          const problem = unsafeHtml(episode.notesHtml);
          if (problem) fail(`unsafe show notes: ${problem}`);
          if (!episode.guid || episode.title.length > 500) fail("an episode escaped validation");
        }
      } catch (error) {
        if (!(error instanceof FeedParseError)) throw error;
      }
    }) as fc.IAsyncProperty<[unknown]>,
  },
  {
    name: "WordPress export reader (WXR)",
    property: fc.asyncProperty(fc.tuple(wxrXml, fc.array(fc.nat(), { maxLength: 5 })), async (input: unknown) => {
      const [xml, cuts] = input as [string, number[]];
      try {
        const document = await readWxr(chunked(xml, cuts));
        for (const post of document.posts) {
          const problem = unsafeHtml(sanitizeNotesHtml(paragraphs(post.contentHtml)));
          if (problem) fail(`unsafe story body: ${problem}`);
          if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slugify(post.slug || post.title))) fail("a slug outside the address pattern");
        }
      } catch (error) {
        if (!(error instanceof WxrError)) throw error;
      }
    }) as fc.IAsyncProperty<[unknown]>,
  },
  {
    name: "Form and query validation (story editor, comments, newsletter sign-up, search)",
    property: fc.property(formFields, (fields: unknown) => {
      const input = fields as Record<string, string>;
      const story = storyFormSchema.safeParse(input);
      if (story.success && (story.data.title.length > 300 || (story.data.slug && slugify(story.data.slug) !== story.data.slug)))
        fail("a story form escaped its limits");
      const comment = postCommentSchema.safeParse(input);
      if (comment.success && /[\u0000-\u0009\u000b-\u001f\u202a-\u202e]/.test(comment.data.body)) fail("a comment kept control characters");
      commentBodySchema.safeParse(input.body);
      const signUp = signUpSchema.safeParse(input);
      if (signUp.success && /[\r\n]/.test(`${signUp.data.email}${signUp.data.name}`)) fail("a line break reached a mail header field");
      const search = searchSearchParamsSchema.safeParse(input);
      if (search.success && (search.data.q?.length ?? 0) > 200) fail("a search query escaped its limit");
    }) as fc.IProperty<[unknown]>,
  },
  {
    name: "Addresses of every route (request guard: malformed encoding, lone surrogates, NUL)",
    property: fc.property(fc.tuple(fc.constantFrom(...discoverRoutes()), addressPart, addressPart), (input: unknown) => {
      const [route, segment, query] = input as [ReturnType<typeof discoverRoutes>[number], string, string];
      const url = new URL(`http://localhost:3000${routeAddress(route, () => segment)}?q=${query}`);
      const refused = guardRequest(new Request(url));
      if (refused && refused.status !== 400) fail(`refused with ${refused.status}, not 400`);
      if (refused) return;
      // What the guard lets through is what every route may rely on: each part decodes, to well-formed text.
      for (const part of [...url.pathname.split("/"), ...url.search.slice(1).split(/[&=]/)]) {
        const text = decodeURIComponent(part.replaceAll("+", " "));
        if (text.includes("\0") || !text.isWellFormed()) fail(`let through ${JSON.stringify(part)}`);
      }
    }) as fc.IProperty<[unknown]>,
  },
];
