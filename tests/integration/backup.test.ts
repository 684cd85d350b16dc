// A backup restores into a new database with every row, and works across migrations written since it was made.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeEach, expect, it } from "@jest/globals";
import pg from "pg";
import { createTemporaryDatabase } from "@/lib/database/admin";
import { BackupError, restoreBackup, writeBackup } from "@/lib/database/backup";
import { prisma } from "@/lib/db";
import { resetDatabase, testServerUrl } from "../setup/database";
import { createEpisode, createStory } from "../setup/factories";

beforeEach(resetDatabase);
const folder = await mkdtemp(path.join(tmpdir(), "showfront-backup-"));
afterAll(() => rm(folder, { recursive: true, force: true }));

it("restores every row into a new database, generated columns computed again", async () => {
  const episode = await createEpisode({
    title: "Bridges Nobody Inspects",
    transcriptCues: [{ start: 0, end: 2, text: "Hello" }],
    audioLength: 9_007_199_254_740_993n,
  });
  const story = await createStory({ title: "Café owners ☕", body: "Line one\n\n\"quoted\" and 'single' \\ backslash" });
  await prisma.comment.create({ data: { storyId: story.id, body: "First", status: "APPROVED", guestName: "Dee" } });
  const file = path.join(folder, "site.backup");
  const written = await writeBackup(process.env.DATABASE_URL!, file);
  expect(written.find((table) => table.table === "Episode")?.rows).toBe(1);

  const target = await createTemporaryDatabase(testServerUrl(), "showfront_restore");
  const client = new pg.Client({ connectionString: target.url });
  try {
    const restored = await restoreBackup(target.url, file);
    expect(restored).toEqual(written);
    await client.connect();
    const episodes = await client.query(`SELECT "title", "transcriptCues", "audioLength"::text AS length, "slug" FROM "Episode"`);
    expect(episodes.rows).toEqual([
      { title: episode.title, transcriptCues: [{ start: 0, end: 2, text: "Hello" }], length: "9007199254740993", slug: episode.slug },
    ]);
    const stories = await client.query(`SELECT "body", "searchVector" IS NOT NULL AS indexed FROM "Story"`);
    expect(stories.rows).toEqual([{ body: story.body, indexed: true }]);
    expect((await client.query(`SELECT "guestName" FROM "Comment"`)).rows).toEqual([{ guestName: "Dee" }]);
    const migrations = await client.query(`SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL`);
    expect(migrations.rows[0].n).toBeGreaterThan(10);
  } finally {
    await client.end();
    await target.drop();
  }
});

it("refuses a file that is not a backup, and a damaged one, leaving nothing half-restored", async () => {
  const target = await createTemporaryDatabase(testServerUrl(), "showfront_restore");
  try {
    const notBackup = path.join(folder, "other.gz");
    await writeFile(notBackup, gzipSync('{"hello":1}\n'));
    await expect(restoreBackup(target.url, notBackup)).rejects.toThrow(BackupError);

    await createStory({ title: "One" });
    const file = path.join(folder, "damaged.backup");
    await writeBackup(process.env.DATABASE_URL!, file);
    const { gunzipSync } = await import("node:zlib");
    const { readFile } = await import("node:fs/promises");
    const text = gunzipSync(await readFile(file))
      .toString()
      .replace(/\n\["[^\n]*One[^\n]*\]\n/, "\n");
    await writeFile(file, gzipSync(text));
    const fresh = await createTemporaryDatabase(testServerUrl(), "showfront_restore");
    try {
      await expect(restoreBackup(fresh.url, file)).rejects.toThrow(/damaged: Story should have 1 rows, 0 were read/);
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      expect((await client.query(`SELECT count(*)::int AS n FROM "Story"`)).rows[0].n).toBe(0);
      await client.end();
    } finally {
      await fresh.drop();
    }
  } finally {
    await target.drop();
  }
});
