// What a change announces to every instance's cache (lib/cache/invalidate.ts, Postgres NOTIFY), listened to here as
// another instance would: a sync names its lists and the pages of what it wrote, and the site's header only when
// the show changed; a comment names its page; nothing names every page.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { INVALIDATION_CHANNEL } from "@/lib/cache/invalidation-channel.mjs";
import { ALL_EPISODE_PAGES, EPISODE_LISTS, pageTag, SITE, STORY_LISTS } from "@/lib/cache/tags";
import { postComment } from "@/lib/comments/comments";
import { prisma } from "@/lib/db";
import { addFeedSource, syncFeedSource } from "@/lib/feeds/sync";
import { bigFeedXml } from "../../scripts/bench/big-feed";
import { resetDatabase } from "../setup/database";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();
const demoFeed = readFileSync(path.resolve("lib/demo/content/long-signal.xml"), "utf8");

let listener: pg.Client;
const announced: string[] = [];
beforeAll(async () => {
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (message) => announced.push(...(JSON.parse(message.payload!) as { tags: string[] }).tags));
  await listener.query(`LISTEN ${INVALIDATION_CHANNEL}`);
});
afterAll(async () => {
  await listener.end();
});
beforeEach(async () => {
  await resetDatabase();
  announced.length = 0;
});

// Notifications arrive after the transaction that sent them: a query on the listening connection lets them in.
async function heard(): Promise<string[]> {
  await listener.query("SELECT 1");
  await new Promise((resolve) => setTimeout(resolve, 50));
  return [...announced];
}

describe("what a change announces", () => {
  it("a sync names the episode lists and each written episode's pages; the header only when the show changed", async () => {
    server.routes.set("/feed.xml", { body: demoFeed });
    const { source } = await addFeedSource({ url: server.url("/feed.xml"), kind: "PODCAST" });
    const first = await heard();
    expect(first).toEqual(
      expect.arrayContaining([SITE, EPISODE_LISTS, pageTag("/episodes/bridges-nobody-inspects"), pageTag("/embed/episodes/bridges-nobody-inspects")]),
    );
    expect(first).not.toContain(STORY_LISTS);

    // One episode's title changes; the show does not.
    announced.length = 0;
    server.routes.set("/feed.xml", { body: demoFeed.replace("<title>Bridges Nobody Inspects</title>", "<title>Bridges Nobody Inspects (revised)</title>") });
    expect(await syncFeedSource(source.id, { force: true })).toMatchObject({ status: "IMPORTED", updated: 1 });
    const second = await heard();
    expect(second).toContain(EPISODE_LISTS);
    expect(second).toContain(pageTag("/episodes/bridges-nobody-inspects"));
    expect(second).not.toContain(SITE);
    expect(second.filter((tag) => tag.startsWith("_N_T_/episodes/") && !tag.includes("bridges-nobody-inspects"))).toEqual([]);
    expect(second).not.toContain(pageTag("/"));
  });

  it("a sync that writes hundreds of episodes names their pages by route, not one by one", async () => {
    server.routes.set("/big.xml", { body: bigFeedXml(250) });
    expect((await addFeedSource({ url: server.url("/big.xml"), kind: "PODCAST" })).sync).toMatchObject({ status: "IMPORTED", created: 250 });
    const tags = await heard();
    expect(tags).toEqual(expect.arrayContaining([EPISODE_LISTS, ...ALL_EPISODE_PAGES]));
    expect(tags.filter((tag) => tag.startsWith("_N_T_/episodes/"))).toEqual([]);
  });

  it("a reader's approved comment names its page only", async () => {
    server.routes.set("/feed.xml", { body: demoFeed });
    await addFeedSource({ url: server.url("/feed.xml"), kind: "PODCAST" });
    const reader = await prisma.user.create({ data: { email: "reader@example.com", role: "MODERATOR" } });
    announced.length = 0;
    const target = { kind: "episode" as const, slug: "bridges-nobody-inspects" };
    await postComment(
      { id: reader.id, email: reader.email!, role: "MODERATOR", banned: false, name: "Reader", nameChosen: true },
      { target, body: "Good one.", website: "", shownAt: 0 },
      "203.0.113.5",
    );
    expect(await heard()).toEqual([pageTag("/episodes/bridges-nobody-inspects")]);
  });
});
