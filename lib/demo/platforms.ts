// The demo show on Apple Podcasts, Spotify, YouTube and Rumble, through the same sources a real show adds: their
// answers are files in lib/demo/content/platforms, served on this machine for the moment of the seed.
import "server-only";
import { readFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { prisma } from "@/lib/db";
import { addFeedSource } from "@/lib/feeds/sync";
import type { FeedKind } from "@/lib/generated/prisma/client";

const PLATFORMS_DIR = path.resolve(process.cwd(), "lib/demo/content/platforms");
const FILES: Record<string, { file: string; type: string }> = {
  "/youtube.xml": { file: "youtube.xml", type: "application/atom+xml" },
  "/rumble.xml": { file: "rumble.xml", type: "application/rss+xml" },
  "/lookup": { file: "apple-lookup.json", type: "application/json" },
  "/v1/shows/LongSignalDemo00000000/episodes": { file: "spotify-episodes.json", type: "application/json" },
};

async function serveFixtures(): Promise<{ url: (path: string) => string; close: () => Promise<void> }> {
  const server = http.createServer((request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    if (pathname === "/token")
      return void response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ access_token: "demo", expires_in: 3600 }));
    const served = FILES[pathname];
    if (!served) return void response.writeHead(404).end();
    readFile(path.join(PLATFORMS_DIR, served.file)).then(
      (body) => response.writeHead(200, { "content-type": served.type }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: (pathname) => `${base}${pathname}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Adds and imports the demo show's four platforms, then pauses them: their answers were files. */
export async function linkDemoPlatforms(showSlug: string): Promise<{ links: number; pending: number }> {
  const fixtures = await serveFixtures();
  const local = { allowPrivateHosts: true };
  const platformApi = {
    appleLookupBase: fixtures.url("/lookup"),
    spotifyApiBase: fixtures.url("/v1"),
    tokenUrl: fixtures.url("/token"),
    spotifyClient: { id: "demo", secret: "demo" },
  };
  const sources: { url: string; kind: FeedKind }[] = [
    { url: fixtures.url("/youtube.xml"), kind: "YOUTUBE" },
    { url: fixtures.url("/rumble.xml"), kind: "VIDEO" },
    { url: "https://podcasts.apple.com/us/podcast/the-long-signal/id1000000001", kind: "APPLE" },
    { url: "https://open.spotify.com/show/LongSignalDemo00000000", kind: "SPOTIFY" },
  ];
  const added: string[] = [];
  try {
    for (const source of sources) {
      const { source: created, sync } = await addFeedSource({ ...source, showSlug, fetch: local }, { platformApi });
      if (sync.status !== "IMPORTED") throw new Error(`The demo's ${source.kind} source did not import: ${JSON.stringify(sync)}`);
      added.push(created.id);
    }
  } finally {
    await fixtures.close();
  }
  await prisma.feedSource.updateMany({ where: { id: { in: added } }, data: { enabled: false } });
  const [links, pending] = await Promise.all([prisma.episodeLink.count(), prisma.episodeLink.count({ where: { status: "PENDING" } })]);
  return { links, pending };
}
