import { beforeEach, describe, expect, it } from "@jest/globals";
import { getEpisode, getEpisodeFilters, getLatestEpisodes, listEpisodes, EPISODES_PER_PAGE } from "@/lib/episodes/episodes";
import { getLatestStories, getStory } from "@/lib/stories/stories";
import { createEpisode, createShow, createStory } from "../setup/factories";
import { resetDatabase } from "../setup/database";

beforeEach(resetDatabase);

describe("episodes", () => {
  it("come newest first and paginate", async () => {
    const show = await createShow();
    for (let day = 1; day <= EPISODES_PER_PAGE + 2; day += 1) {
      await createEpisode({ showId: show.id, title: `Day ${day}`, publishedAt: new Date(Date.UTC(2026, 0, day)) });
    }
    expect((await getLatestEpisodes(2)).map((episode) => episode.title)).toEqual([`Day ${EPISODES_PER_PAGE + 2}`, `Day ${EPISODES_PER_PAGE + 1}`]);
    const second = await listEpisodes({ page: 2 });
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: EPISODES_PER_PAGE + 2 });
    expect(second.episodes.map((episode) => episode.title)).toEqual(["Day 2", "Day 1"]);
    expect((await listEpisodes({ page: 99 })).page).toBe(2);
  });

  it("filter by show and season, and offer the filters that have episodes", async () => {
    const one = await createShow({ title: "One" });
    const two = await createShow({ title: "Two" });
    await createEpisode({ showId: one.id, season: 1, title: "One S1" });
    await createEpisode({ showId: one.id, season: 2, title: "One S2" });
    await createEpisode({ showId: two.id, season: 1, title: "Two S1" });
    await createShow({ title: "Empty" });

    const titles = async (filter: Parameters<typeof listEpisodes>[0]) => (await listEpisodes(filter)).episodes.map((episode) => episode.title).sort();
    expect(await titles({ page: 1, showSlug: one.slug })).toEqual(["One S1", "One S2"]);
    expect(await titles({ page: 1, season: 1 })).toEqual(["One S1", "Two S1"]);
    expect(await titles({ page: 1, showSlug: two.slug, season: 2 })).toEqual([]);

    expect(await getEpisodeFilters()).toEqual({
      shows: [
        { slug: one.slug, title: "One" },
        { slug: two.slug, title: "Two" },
      ],
      seasons: [2, 1],
    });
    expect((await getEpisodeFilters(two.slug)).seasons).toEqual([1]);
  });

  it("are found by slug, with their show", async () => {
    const episode = await createEpisode({ notesHtml: "<p>Notes</p>" });
    expect(await getEpisode(episode.slug)).toMatchObject({ title: episode.title, notesHtml: "<p>Notes</p>", show: { slug: expect.any(String) } });
    expect(await getEpisode("no-such-episode")).toBeNull();
  });
});

describe("stories", () => {
  it("show only what is published and due", async () => {
    const published = await createStory({ title: "Out now" });
    const draft = await createStory({ status: "DRAFT", publishedAt: null });
    const scheduled = await createStory({ publishedAt: new Date(Date.now() + 86_400_000) });
    expect((await getLatestStories(10)).map((story) => story.slug)).toEqual([published.slug]);
    expect(await getStory(draft.slug)).toBeNull();
    expect(await getStory(scheduled.slug)).toBeNull();
  });

  it("render Markdown to sanitized HTML with a reading time", async () => {
    const story = await createStory({ body: `# Heading\n\nHello **world** <script>alert(1)</script> [link](https://example.org)\n\n${"word ".repeat(460)}` });
    const page = await getStory(story.slug);
    expect(page?.bodyHtml).toContain("<strong>world</strong>");
    expect(page?.bodyHtml).toContain('rel="nofollow ugc noopener"');
    expect(page?.bodyHtml).not.toContain("<script");
    expect(page?.readingMinutes).toBe(2);
  });
});
