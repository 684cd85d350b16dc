// Next's cache on several instances (lib/cache/next-cache-handler.mjs) against a real Postgres: what carries a tag
// is dropped when the tag is invalidated here (lib/cache/invalidate.ts, at once) or announced by another process
// (NOTIFY); everything else stays; a listening connection that was lost reconnects and drops everything.
import { afterAll, describe, expect, it, jest } from "@jest/globals";
import pg from "pg";
import { invalidate } from "@/lib/cache/invalidate";
import { INVALIDATION_CHANNEL, invalidationMessage } from "@/lib/cache/invalidation-channel.mjs";
import CacheHandler, { stopListening } from "@/lib/cache/next-cache-handler.mjs";

const handler = new CacheHandler({});
afterAll(stopListening);
const PAGE = { kind: "APP_PAGE" };
const page = (tags: string[]) => ({
  kind: "APP_PAGE",
  html: "<p>page</p>",
  rscData: Buffer.from("rsc"),
  headers: { "x-next-cache-tags": tags.join(",") },
  status: 200,
});

async function withClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const listeners = () =>
  withClient(async (client) =>
    Number(
      (
        await client.query<{ count: string }>(
          "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'showfront-cache' AND datname = current_database()",
        )
      ).rows[0]!.count,
    ),
  );
const fromAnotherProcess = (tags: string[]) =>
  withClient((client) => client.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, invalidationMessage("another-instance", tags)]));

async function until(condition: () => Promise<boolean>) {
  for (let attempt = 0; !(await condition()); attempt += 1) {
    if (attempt > 200) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("the cache handler", () => {
  it("drops a page when another process announces one of its tags, and keeps the others", async () => {
    await until(async () => (await listeners()) === 1);
    await handler.set("/episodes/a", page(["_N_T_/episodes/a"]), {});
    await handler.set("/episodes/b", page(["_N_T_/episodes/b"]), {});
    await fromAnotherProcess(["_N_T_/episodes/a"]);
    await until(async () => (await handler.get("/episodes/a", PAGE)) === null);
    expect(await handler.get("/episodes/b", PAGE)).toMatchObject({ value: { html: "<p>page</p>" } });
  });

  it("drops data by its own tags and by the page's, at once for a change made in this process", async () => {
    await handler.set("list", { kind: "FETCH", data: { body: "[]" }, revalidate: 60 }, { fetchCache: true, tags: ["episode-lists"] });
    await handler.set("other", { kind: "FETCH", data: { body: "[]" }, revalidate: 60 }, { fetchCache: true, tags: ["story-lists"] });
    expect(await handler.get("list", { kind: "FETCH", tags: ["episode-lists"], softTags: ["_N_T_/"] })).not.toBeNull();
    await invalidate(["episode-lists"]);
    expect(await handler.get("list", { kind: "FETCH", tags: ["episode-lists"], softTags: ["_N_T_/"] })).toBeNull();
    expect(await handler.get("other", { kind: "FETCH", tags: ["story-lists"], softTags: ["_N_T_/stories"] })).not.toBeNull();
    await invalidate(["_N_T_/stories"]);
    expect(await handler.get("other", { kind: "FETCH", tags: ["story-lists"], softTags: ["_N_T_/stories"] })).toBeNull();
  });

  it("reconnects after losing its listening connection, and then drops everything it held (it may have missed messages)", async () => {
    await until(async () => (await listeners()) === 1);
    const warned = jest.spyOn(console, "warn").mockImplementation(() => {});
    await handler.set("/stories/kept", page(["_N_T_/stories/kept"]), {});
    await withClient((client) =>
      client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'showfront-cache' AND datname = current_database()"),
    );
    await until(async () => (await handler.get("/stories/kept", PAGE)) === null);
    await until(async () => (await listeners()) === 1);
    // Listening again: an announcement reaches it.
    await handler.set("/stories/new", page(["_N_T_/stories/new"]), {});
    await fromAnotherProcess(["_N_T_/stories/new"]);
    await until(async () => (await handler.get("/stories/new", PAGE)) === null);
    expect(warned).toHaveBeenCalledWith(expect.stringMatching(/cache invalidation listener lost its connection/));
  });
});
