import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "@jest/globals";
import sharp from "sharp";
import { prisma } from "@/lib/db";
import { storeHeroImage } from "@/lib/media/hero-image";
import { localMediaStore } from "@/lib/media/store";
import { relatedEpisodes, relatedStories } from "@/lib/search/related";
import { refreshSearchTerms } from "@/lib/search/indexing";
import { saveStory, setRelatedOverride } from "@/lib/stories/editor";
import { legacyQuerySchema, legacyWordPressTarget } from "@/lib/stories/legacy-urls";
import { currentStorySlug, getStory, listStories } from "@/lib/stories/stories";
import { readWxrFile, WxrError } from "@/lib/stories/wxr";
import { analyzeWxr, importWxr } from "@/lib/stories/wxr-import";
import { storyFormSchema } from "@/lib/validations/story";
import { resetDatabase } from "../setup/database";
import { createEpisode, createShow, createStory } from "../setup/factories";

beforeEach(resetDatabase);

const EXPORT = path.resolve("tests/fixtures/wordpress/export.xml");

function form(fields: Record<string, string>) {
  return storyFormSchema.parse({ status: "PUBLISHED", body: "", ...fields });
}

async function scratchFile(name: string, content: string | Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), "showfront-wxr-")), name);
  await writeFile(file, content);
  return file;
}

describe("writing stories", () => {
  it("publishes, schedules and keeps drafts off the site", async () => {
    const published = await saveStory(
      form({ title: "Water Rates Rise Again", body: "The **board** voted.\n\n<script>x()</script>", categories: "Utilities, City hall", tags: "water" }),
    );
    expect(published).toMatchObject({ slug: "water-rates-rise-again", state: "published" });
    const page = await getStory(published.slug);
    expect(page?.bodyHtml).toContain("<strong>board</strong>");
    expect(page?.bodyHtml).not.toContain("script");
    expect(page?.categories.map(({ category }) => category.name).sort()).toEqual(["City hall", "Utilities"]);
    expect(page?.tags).toEqual([{ slug: "water", name: "water" }]);

    const draft = await saveStory(form({ title: "Draft", status: "DRAFT" }));
    expect(draft.state).toBe("draft");
    expect(await getStory(draft.slug)).toBeNull();

    const later = await saveStory(form({ title: "Tomorrow's story", publishAt: "2099-01-01T09:00", timezoneOffset: "-60" }));
    expect(later.state).toBe("scheduled");
    expect(await getStory(later.slug)).toBeNull();
    expect((await prisma.story.findUniqueOrThrow({ where: { id: later.id } })).publishedAt?.toISOString()).toBe("2099-01-01T08:00:00.000Z");
    expect((await listStories({ page: 1 })).stories.map((story) => story.slug)).toEqual([published.slug]);
  });

  it("keeps an old slug redirecting after a rename, and refuses a slug another story holds", async () => {
    const first = await saveStory(form({ title: "Bridge Report" }));
    const renamed = await saveStory(form({ id: first.id, title: "Bridge Report", slug: "county-bridge-report" }));
    expect(renamed.paths).toEqual(["county-bridge-report", "bridge-report"]);
    expect(await currentStorySlug({ oldSlug: "bridge-report" })).toBe("county-bridge-report");

    const other = await saveStory(form({ title: "Another" }));
    await expect(saveStory(form({ id: other.id, title: "Another", slug: "bridge-report" }))).rejects.toMatchObject({ name: "AppError", code: "conflict" });
    await expect(saveStory(form({ id: other.id, title: "Another", slug: "county-bridge-report" }))).rejects.toThrow(/belongs to another story/);
    // Its own old slug may be taken back: the redirect goes.
    await saveStory(form({ id: first.id, title: "Bridge Report", slug: "bridge-report" }));
    expect(await prisma.storySlugRedirect.count({ where: { slug: "bridge-report" } })).toBe(0);
    expect(await currentStorySlug({ oldSlug: "county-bridge-report" })).toBe("bridge-report");
  });

  it("links episodes at a moment: Listen plays the first from there; an unknown episode is refused with nothing saved", async () => {
    const episode = await createEpisode({ title: "Night Buses", audioUrl: "https://cdn.example/buses.mp3" });
    const saved = await saveStory(form({ title: "On the night bus", episodes: `${episode.slug} @ 12:34` }));
    const page = await getStory(saved.slug);
    expect(page?.listen).toMatchObject({ startAt: 754, episodeSlug: episode.slug, episode: { audioUrl: "https://cdn.example/buses.mp3" } });

    await expect(saveStory(form({ title: "Broken link", episodes: "no-such-episode" }))).rejects.toThrow(/no-such-episode/);
    expect(await prisma.story.count({ where: { title: "Broken link" } })).toBe(0);
    expect(storyFormSchema.safeParse({ title: "x", body: "", status: "PUBLISHED", episodes: "<script>" }).success).toBe(false);
  });

  it("plays a story's own audio", async () => {
    const saved = await saveStory(form({ title: "Audio story", audioUrl: "https://cdn.example/read.mp3" }));
    expect((await getStory(saved.slug, "The Site"))?.listen?.episode).toMatchObject({
      audioUrl: "https://cdn.example/read.mp3",
      showTitle: "The Site",
      href: `/stories/${saved.slug}`,
    });
  });
});

describe("related content", () => {
  // A labelled set: for each source, the item a reader would call the most related.
  async function newsroom() {
    const show = await createShow();
    const bridges = await createEpisode({
      showId: show.id,
      title: "Bridges Nobody Inspects",
      summary: "One county inspector covers 412 bridges, and the backlog of overdue inspections keeps growing.",
      notesHtml: "<p>We ride along with the inspector and read the state's overdue inspection list.</p>",
    });
    const schoolsEpisode = await createEpisode({ showId: show.id, title: "Lunch Lines", summary: "School cafeterias and what the budget buys for lunch." });
    const stories = {
      bridges: await createStory({
        title: "Overdue: the county's bridge inspections",
        dek: "The inspector's backlog in numbers.",
        body: "Inspections of bridges are overdue; one inspector cannot keep up with the backlog.",
      }),
      schools: await createStory({
        title: "What a school lunch costs",
        dek: "Cafeteria budgets, line by line.",
        body: "The lunch budget for schools fell again this year.",
      }),
      water: await createStory({ title: "Water rates, explained", dek: "Why the bill went up.", body: "The water utility raised rates to pay for pipes." }),
      council: await createStory({ title: "Council notes", dek: "Meeting minutes.", body: "The council met and adjourned; the county budget was read." }),
    };
    await refreshSearchTerms();
    return { show, bridges, schoolsEpisode, stories };
  }

  it("ranks the story about the episode's subject first, and the episode about a story's subject first", async () => {
    const { show, bridges, schoolsEpisode, stories } = await newsroom();
    const forBridges = await relatedStories({ kind: "EPISODE", id: bridges.id, showId: show.id });
    expect(forBridges[0]?.slug).toBe(stories.bridges.slug);
    expect(forBridges.map((story) => story.slug)).not.toContain(stories.water.slug);
    const forSchools = await relatedEpisodes({ kind: "STORY", id: stories.schools.id }, 2);
    expect(forSchools[0]?.slug).toBe(schoolsEpisode.slug);
    expect((await relatedStories({ kind: "STORY", id: stories.bridges.id })).map((story) => story.slug)).not.toContain(stories.bridges.slug);
  });

  it("lets an editor's links, pins and removals win over the ranking", async () => {
    const { show, bridges, stories } = await newsroom();
    const source = { kind: "EPISODE" as const, id: bridges.id, showId: show.id };
    const page = { kind: "EPISODE" as const, slug: bridges.slug };
    await setRelatedOverride(page, { kind: "STORY", slug: stories.water.slug }, true);
    await setRelatedOverride(page, { kind: "STORY", slug: stories.bridges.slug }, false);
    const list = (await relatedStories(source)).map((story) => story.slug);
    expect(list[0]).toBe(stories.water.slug);
    expect(list).not.toContain(stories.bridges.slug);
    await setRelatedOverride(page, { kind: "STORY", slug: stories.bridges.slug }, null);
    expect((await relatedStories(source)).map((story) => story.slug)).toContain(stories.bridges.slug);

    // A story linked to an episode leads that episode's related stories.
    const linked = await saveStory(form({ title: "Lunch money", episodes: bridges.slug }));
    expect((await relatedStories(source))[0]?.slug).toBe(linked.slug);
    await expect(setRelatedOverride(page, { kind: "EPISODE", slug: "nope" }, true)).rejects.toMatchObject({ name: "AppError", code: "not-found" });
  });
});

describe("WordPress import", () => {
  it("reports first, then imports posts, pages, terms, featured images and threaded approved comments", async () => {
    const document = await readWxrFile(EXPORT);
    const report = await analyzeWxr(document);
    expect(report).toMatchObject({
      site: { title: "The Civic Desk", url: "https://civicdesk.example" },
      stories: { create: 4, update: 0 },
      pages: 1,
      drafts: 1,
      categories: 2,
      tags: 2,
      comments: { create: 3, existing: 0 },
      featuredImages: 1,
    });
    expect(report.passedOver).toMatchObject({ pingback: 1, "comment not approved": 1, "post with status trash": 1, "post type nav_menu_item": 1 });
    expect(await prisma.story.count()).toBe(0);

    expect(await importWxr(document)).toEqual({ created: 4, updated: 0, comments: 3 });
    const story = await getStory("inspectors-cant-keep-up");
    expect(story).toMatchObject({
      title: "Inspectors Can’t Keep Up With the County’s Bridges",
      authorName: "Mara Okafor",
      dek: "A county inspector covers 412 bridges alone.",
      heroImageUrl: "https://civicdesk.example/wp-content/uploads/2024/06/harbour-bridge.jpg",
    });
    expect(story?.publishedAt?.toISOString()).toBe("2024-06-18T09:30:00.000Z");
    expect(story?.bodyHtml).toContain("<p>One inspector covers 412 bridges across the county.</p>");
    expect(story?.bodyHtml).toContain("<h2>What the numbers say</h2>");
    expect(story?.bodyHtml).toContain("]]&gt; in text.");
    expect(story?.bodyHtml).not.toMatch(/script|javascript:|owned/);
    expect(story?.tags.map((tag) => tag.slug)).toEqual(["bridges", "county-budget"]);

    const comments = await prisma.comment.findMany({ where: { story: { slug: "inspectors-cant-keep-up" } }, orderBy: { createdAt: "asc" } });
    expect(comments.map((comment) => [comment.wpCommentId, comment.guestName, comment.status])).toEqual([
      [501, "Dee from Eastside", "APPROVED"],
      [502, "Mara Okafor", "APPROVED"],
      [503, "Dee from Eastside", "APPROVED"],
    ]);
    // Two levels here: the reply to the reply hangs under the thread's first comment.
    expect(comments[1]?.parentId).toBe(comments[0]?.id);
    expect(comments[2]?.parentId).toBe(comments[0]?.id);
    expect(comments[0]?.body).toBe('The Mill Street bridge has had a "temporary" weight limit for six years.\nSix!');
    expect(comments[2]?.body).toBe("Please do — and ask about Elm too.");

    expect(await getStory("cafe-ete")).toMatchObject({ title: "Café owners on the Été festival", authorName: "José Luís Peña" });
    expect((await getStory("about"))?.kind).toBe("PAGE");
    expect((await listStories({ page: 1 })).stories.map((row) => row.slug)).toEqual(["cafe-ete", "inspectors-cant-keep-up"]);
    expect(await prisma.story.findFirst({ where: { wpPostId: 43 }, select: { status: true, slug: true } })).toEqual({
      status: "DRAFT",
      slug: "half-written-piece",
    });
  });

  it("imports the same file twice without duplicates, and updates what changed", async () => {
    await importWxr(await readWxrFile(EXPORT));
    const changed = (await readFile(EXPORT, "utf8")).replace("Café owners on the Été festival", "Café owners, after the Été festival");
    const document = await readWxrFile(await scratchFile("export.xml", changed));
    expect((await analyzeWxr(document)).stories).toEqual({ create: 0, update: 4 });
    expect(await importWxr(document)).toEqual({ created: 0, updated: 4, comments: 0 });
    expect(await prisma.story.count()).toBe(4);
    expect(await prisma.comment.count()).toBe(3);
    expect(await prisma.category.count()).toBe(2);
    expect((await getStory("cafe-ete"))?.title).toBe("Café owners, after the Été festival");
  });

  it("refuses hostile and broken files with a clear message, importing nothing", async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>`;
    await expect(readWxrFile(await scratchFile("bomb.xml", bomb))).rejects.toThrow(/DOCTYPE/);
    const external = `<?xml version="1.0"?><!DOCTYPE rss SYSTEM "file:///etc/passwd"><rss><channel/></rss>`;
    await expect(readWxrFile(await scratchFile("external.xml", external))).rejects.toThrow(WxrError);
    const truncated = (await readFile(EXPORT, "utf8")).slice(0, 5000);
    await expect(readWxrFile(await scratchFile("truncated.xml", truncated))).rejects.toThrow(/not well-formed|line/);
    await expect(readWxrFile(await scratchFile("feed.xml", "<html><body>Not an export</body></html>"))).rejects.toThrow(/not a WordPress export/);
    await expect(readWxrFile(await scratchFile("weird.xml", `<?xml version="1.0" encoding="x-klingon"?><rss/>`))).rejects.toThrow(/encoding/);
    expect(await prisma.story.count()).toBe(0);
  });

  it("reads an export written in ISO-8859-1", async () => {
    const latin = (await readFile(EXPORT, "utf8")).replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').replace(" 🎉", "");
    const document = await readWxrFile(await scratchFile("latin1.xml", Buffer.from(latin, "latin1")));
    expect(document.posts.find((post) => post.id === 42)?.title).toBe("Café owners on the Été festival");
  });

  it("answers old WordPress addresses with the new pages", async () => {
    await importWxr(await readWxrFile(EXPORT));
    expect(await legacyWordPressTarget({ p: 41 })).toBe("/stories/inspectors-cant-keep-up");
    expect(await legacyWordPressTarget({ p: 2 })).toBe("/stories/about");
    expect(await legacyWordPressTarget({ p: 43 })).toBeNull();
    expect(await legacyWordPressTarget({ slug: "inspectors-cant-keep-up" })).toBe("/stories/inspectors-cant-keep-up");
    expect(await legacyWordPressTarget({ slug: "caf%C3%A9-%C3%A9t%C3%A9" })).toBe("/stories/cafe-ete");
    expect(await legacyWordPressTarget({ category: "news/infrastructure" })).toBe("/stories/category/infrastructure");
    expect(await legacyWordPressTarget({ tag: "county-budget" })).toBe("/stories/tag/county-budget");
    expect(await legacyWordPressTarget({ tag: "%E0%A4%A" })).toBeNull();
    expect(await legacyWordPressTarget({})).toBeNull();
    // Lists' further pages and feeds, authors, date archives (pretty and ?m=), the site's feed.
    expect(await legacyWordPressTarget({ category: "news/infrastructure/page/2" })).toBe("/stories/category/infrastructure?page=2");
    expect(await legacyWordPressTarget({ category: "infrastructure/feed" })).toBe("/stories/category/infrastructure");
    expect(await legacyWordPressTarget({ tag: "county-budget/page/3" })).toBe("/stories/tag/county-budget?page=3");
    expect(await legacyWordPressTarget({ author: "mara-okafor" })).toBe("/people/mara-okafor");
    expect(await legacyWordPressTarget({ author: "nobody-here" })).toBeNull();
    expect(await legacyWordPressTarget({ period: "2024-06" })).toBe("/stories?period=2024-06");
    expect(await legacyWordPressTarget({ period: "2024" })).toBe("/stories?period=2024");
    expect(await legacyWordPressTarget(legacyQuerySchema.parse({ m: "20240618" }))).toBe("/stories?period=2024-06-18");
    expect(await legacyWordPressTarget({ period: "2024-13" })).toBeNull();
    expect(await legacyWordPressTarget(legacyQuerySchema.parse({ feed: "site" }))).toBe("/stories/feed.xml");
  });
});

describe("hero images", () => {
  it("stores an upload in the sizes pages use, and refuses what is not an image", async () => {
    const directory = await mkdtemp(path.join(tmpdir(), "showfront-media-"));
    const png = await sharp({ create: { width: 1500, height: 1000, channels: 3, background: "#336699" } })
      .png()
      .toBuffer();
    const stored = await storeHeroImage(new Blob([new Uint8Array(png)]), localMediaStore(directory));
    expect(stored.url).toMatch(/^\/media\/stories\/[0-9a-f]{20}-1280\.webp$/);
    expect(stored.srcset.split(", ").map((entry) => entry.split(" ")[1])).toEqual(["640w", "1280w"]);
    const files = await readdir(path.join(directory, "stories"));
    expect(files).toHaveLength(2);
    expect(
      (
        await sharp(
          path.join(
            directory,
            "stories",
            files.find((file) => file.endsWith("-640.webp"))!,
          ),
        ).metadata()
      ).width,
    ).toBe(640);

    await expect(storeHeroImage(new Blob(["<svg onload=alert(1)>"]), localMediaStore(directory))).rejects.toMatchObject({ name: "AppError", code: "invalid" });
  });
});
