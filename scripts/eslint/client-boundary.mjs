// ESLint rules. client-boundary: a client component ("use client") imports no server module. A value import from lib/
// is followed through its own value imports; reaching the database, Node's built-ins, request headers, the environment
// or a module marked "server-only" is reported. Type-only imports are erased and pass; server actions ("use server")
// are meant to be imported. server-only-marker: a lib/ module that reaches a server module is marked itself, so Next's
// build refuses it in a client bundle however it is reached.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const SERVER_ONLY = [
  /^server-only$/,
  /^node:/,
  /^@\/lib\/db$/,
  /^@\/lib\/generated\//,
  /^next\/headers$/,
  /^next\/cache$/,
  /^@\/lib\/env$/,
  /^@prisma\//,
  /^pg(-boss)?$/,
];
const ROOT = process.cwd();
const verdicts = new Map();

function resolveLib(source) {
  const base = path.join(ROOT, source.slice(2));
  return ["", ".ts", ".tsx", ".mjs", "/index.ts"].map((ending) => base + ending).find((file) => existsSync(file) && !file.endsWith(path.sep));
}

function resolveRelative(from, source) {
  return resolveLib("@/" + path.relative(ROOT, path.resolve(path.dirname(from), source)));
}

function directive(text) {
  return /^\s*(?:\/\/[^\n]*\n\s*)*["']use (server|client)["']/.exec(text)?.[1];
}

// The value imports of a file, as written (type-only imports and `import type` left out).
function valueImports(text) {
  const sources = [];
  for (const match of text.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+["']([^"']+)["']|^import\s+["']([^"']+)["']/gm)) {
    if (match[4]) sources.push(match[4]);
    else if (!match[1] && !/^\{\s*(?:type\s+[\w$]+\s*,?\s*)+\}$/.test(match[2])) sources.push(match[3]);
  }
  return sources;
}

/** The chain from an import of `source` in `from` to a server-only module, or null. */
function chainOf(from, source, seen) {
  if (SERVER_ONLY.some((pattern) => pattern.test(source))) return [source];
  const target = source.startsWith("@/") ? resolveLib(source) : source.startsWith(".") ? resolveRelative(from, source) : undefined;
  const below = target && serverChain(target, seen);
  return below ? [source, ...below] : null;
}

/** The chain of imports from `file` to a server-only module, or null. */
function serverChain(file, seen = new Set()) {
  if (verdicts.has(file)) return verdicts.get(file);
  if (seen.has(file)) return null;
  seen.add(file);
  const text = readFileSync(file, "utf8");
  let chain = null;
  if (directive(text) !== "server") {
    for (const source of valueImports(text)) {
      chain = chainOf(file, source, seen);
      if (chain) break;
    }
  }
  verdicts.set(file, chain);
  return chain;
}

const clientBoundary = {
  meta: { type: "problem", docs: { description: "A client component imports no server module" }, schema: [] },
  create(context) {
    if (directive(context.sourceCode.text) !== "client") return {};
    return {
      ImportDeclaration(node) {
        if (node.importKind === "type" || (node.specifiers.length > 0 && node.specifiers.every((specifier) => specifier.importKind === "type"))) return;
        const chain = chainOf(context.filename, node.source.value);
        if (chain) context.report({ node, message: `A client component imports a server module: ${chain.join(" → ")}` });
      },
    };
  },
};

const serverOnlyMarker = {
  meta: { type: "problem", docs: { description: 'A lib/ module that reaches a server module imports "server-only"' }, schema: [] },
  create(context) {
    const file = context.filename;
    const text = context.sourceCode.text;
    if (!file.startsWith(path.join(ROOT, "lib") + path.sep) || !/(?<!\.d)\.tsx?$/.test(file) || directive(text) === "client") return {};
    const sources = valueImports(text);
    if (sources.includes("server-only")) return {};
    const reached = sources.find((source) => chainOf(file, source));
    if (!reached) return {};
    return {
      Program(node) {
        context.report({ node, message: `A server module (it imports ${reached}) starts with import "server-only".` });
      },
    };
  },
};

export { serverOnlyMarker };
export default clientBoundary;
