// rss-parser's internal helpers (lib/utils.js), which ship without types; only what rss-parser-snippet.ts replaces.
declare module "rss-parser/lib/utils.js" {
  const utils: { stripHtml: (html: string) => string };
  export default utils;
}
