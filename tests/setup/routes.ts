// Every page and route handler under app/, found from the file tree, so a test that walks the routes covers a new
// one without being edited.
import { readdirSync } from "node:fs";
import path from "node:path";

export interface RoutePattern {
  /** The address with each dynamic segment as `[name]`, route groups left out: /episodes/[slug]. */
  pattern: string;
  segments: { name: string; dynamic: boolean }[];
}

export function discoverRoutes(dir = "app", segments: RoutePattern["segments"] = []): RoutePattern[] {
  const found: RoutePattern[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (entry.name.startsWith("_") || entry.name.startsWith("@")) continue;
      const dynamic = /^\[{1,2}(?:\.\.\.)?([^\]]+)\]{1,2}$/.exec(entry.name);
      const next = entry.name.startsWith("(") ? segments : [...segments, dynamic ? { name: dynamic[1]!, dynamic: true } : { name: entry.name, dynamic: false }];
      found.push(...discoverRoutes(path.join(dir, entry.name), next));
    } else if (/^(page|route)\.tsx?$/.test(entry.name)) {
      found.push({ pattern: `/${segments.map((segment) => (segment.dynamic ? `[${segment.name}]` : segment.name)).join("/")}`, segments });
    }
  }
  return found
    .filter((route, index) => found.findIndex((other) => other.pattern === route.pattern) === index)
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

/** The route's address with each dynamic segment filled in (already percent-encoded values). */
export function routeAddress(route: RoutePattern, value: (name: string) => string): string {
  return `/${route.segments.map((segment) => (segment.dynamic ? value(segment.name) : segment.name)).join("/")}`;
}
