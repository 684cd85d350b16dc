import { beforeEach, describe, expect, it } from "@jest/globals";
import { relatedEpisodes, relatedStories } from "@/lib/related";
import { resetDatabase } from "../setup/database";
import { createEpisode, createShow, createStory } from "../setup/factories";

beforeEach(resetDatabase);

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const asSource = (episode: { id: string; showId: string }) => ({ kind: "EPISODE" as const, id: episode.id, showId: episode.showId });

describe("related content for an episode", () => {
  it("ranks episodes on the same subject first, fills with the show's recent ones, and leaves out gone episodes", async () => {
    const show = await createShow();
    const source = await createEpisode({ showId: show.id, title: "Bridges Nobody Inspects", summary: "A county inspector covers 412 bridges alone.", publishedAt: day(10) });
    const sensors = await createEpisode({ showId: show.id, title: "Sensors on Old Bridges", summary: "Why bridge monitoring pilots stall.", publishedAt: day(1) });
    await createEpisode({ showId: show.id, title: "Bridge Inspectors Speak", summary: "The people who inspect.", publishedAt: day(2), goneAt: day(3) });
    const repair = await createEpisode({ showId: show.id, title: "The Quiet Economics of Repair Shops", summary: "Parts pairing and rent.", publishedAt: day(9) });
    const buses = await createEpisode({ showId: show.id, title: "Night Buses", summary: "Drivers of the overnight routes.", publishedAt: day(8) });

    const related = await relatedEpisodes(asSource(source), 3);
    expect(related.map((episode) => episode.slug)).toEqual([sensors.slug, repair.slug, buses.slug]);
  });

  it("finds stories about the episode's subject, published ones only", async () => {
    const source = await createEpisode({ title: "Bridges Nobody Inspects", summary: "A county inspector covers 412 bridges alone." });
    const match = await createStory({ title: "County Bridge Inspections Backlog", body: "Inspectors are years behind on bridges." });
    await createStory({ title: "Bridge inspection draft", body: "Bridges and inspectors.", status: "DRAFT", publishedAt: null });
    await createStory({ title: "Phone repair margins", body: "Screens and batteries." });

    expect((await relatedStories(asSource(source))).map((story) => story.slug)).toEqual([match.slug]);
  });

  it("copes with an episode whose words are all stop words", async () => {
    const source = await createEpisode({ title: "The And Of", summary: "" });
    await createStory({ title: "Anything", body: "Text." });
    expect(await relatedStories(asSource(source))).toEqual([]);
    expect(await relatedEpisodes(asSource(source))).toEqual([]);
  });
});
