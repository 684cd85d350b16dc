// Site search on a labelled set: what people type (phrases, OR, minus), hostile input, transcript hits that point
// at their moment, filters, and the header's suggestions.
import { beforeEach, describe, expect, it } from "@jest/globals";
import { prisma } from "@/lib/db";
import { searchContent, searchSuggestions, type SearchFilters } from "@/lib/search/search";
import { indexEpisodesForSearch } from "@/lib/search/indexing";
import { resetDatabase } from "../setup/database";
import { createEpisode, createShow, createStory } from "../setup/factories";

const cue = (start: number, text: string) => ({ start, end: start + 5, text });

async function labelledShow() {
  const show = await createShow({ slug: "long-signal" });
  const other = await createShow({ slug: "harbor-hours" });
  const bridges = await createEpisode({
    showId: show.id,
    title: "Bridges Nobody Inspects",
    summary: "A county inspector covers 412 bridges alone.",
    publishedAt: new Date("2026-11-17T06:00:00Z"),
  });
  const repair = await createEpisode({
    showId: show.id,
    title: "The Quiet Economics of Repair Shops",
    summary: "Margins thinner than the screens.",
    publishedAt: new Date("2026-11-10T06:00:00Z"),
  });
  const buses = await createEpisode({
    showId: show.id,
    title: "Night Buses",
    summary: "The overnight routes keep a city running.",
    publishedAt: new Date("2026-11-03T06:00:00Z"),
    transcriptCues: [cue(0, "Welcome back to the show."), cue(65, "The depot has a parts pairing problem too."), cue(120, "Goodnight.")],
    transcriptText: "Welcome back to the show.\nThe depot has a parts pairing problem too.\nGoodnight.",
  });
  const cranes = await createEpisode({
    showId: other.id,
    title: "Cranes at Dawn",
    summary: "Bridges of steel over the harbor.",
    publishedAt: new Date("2015-01-05T06:00:00Z"),
  });
  const story = await createStory({
    title: "Why Small Repair Shops Fear Parts Pairing",
    dek: "Software locks on replacement parts.",
    body: "A twenty-minute fix becomes a lost customer.",
  });
  await createStory({ title: "Parts pairing, a draft", status: "DRAFT", publishedAt: null });
  return { bridges, repair, buses, cranes, story };
}

const search = (query: string, filters: Partial<SearchFilters> = {}) => searchContent({ query, kind: "all", ...filters });
const titles = async (query: string, filters: Partial<SearchFilters> = {}) => {
  const results = await search(query, filters);
  return { episodes: results.episodes.map((hit) => hit.episode.title), stories: results.stories.map((hit) => hit.story.title) };
};

beforeEach(resetDatabase);

describe("site search", () => {
  it("ranks a title match above a transcript match, and the transcript hit points at its moment", async () => {
    const { buses } = await labelledShow();
    const results = await search("parts pairing");
    expect(results.stories.map((hit) => hit.story.title)).toEqual(["Why Small Repair Shops Fear Parts Pairing"]);
    expect(results.episodes.map((hit) => hit.episode.slug)).toEqual([buses.slug]);
    expect(results.episodes[0]!.moment).toBe(65);
    expect(results.episodes[0]!.snippet.filter((part) => part.match).map((part) => part.text.toLowerCase())).toEqual(["parts", "pairing"]);
  });

  it("puts the episode whose transcript says the words together above newer ones that only contain them", async () => {
    const show = await createShow();
    const transcript = (text: string) => ({ transcriptCues: [cue(0, "Hello."), cue(30, text)], transcriptText: `Hello.\n${text}` });
    const saysIt = await createEpisode({
      showId: show.id,
      title: "Episode one",
      summary: "",
      publishedAt: new Date("2026-01-01T00:00:00Z"),
      ...transcript("The harbor cranes were idle all week."),
    });
    await createEpisode({
      showId: show.id,
      title: "Episode two",
      summary: "",
      publishedAt: new Date("2026-02-01T00:00:00Z"),
      ...transcript("The cranes stood by the harbor wall."),
    });
    await createEpisode({
      showId: show.id,
      title: "Episode three",
      summary: "",
      publishedAt: new Date("2026-03-01T00:00:00Z"),
      ...transcript("A harbor, and far away, some cranes."),
    });
    const { episodes } = await search("harbor cranes");
    expect(episodes.map((hit) => hit.episode.slug)[0]).toBe(saysIt.slug);
    expect(episodes).toHaveLength(3);
    expect(episodes[0]!.moment).toBe(30);
  });

  it("understands phrases, OR and minus, and stems words", async () => {
    await labelledShow();
    expect((await titles("bridge")).episodes).toEqual(["Bridges Nobody Inspects", "Cranes at Dawn"]);
    expect((await titles("bridges -harbor")).episodes).toEqual(["Bridges Nobody Inspects"]);
    expect((await titles('"county inspector"')).episodes).toEqual(["Bridges Nobody Inspects"]);
    expect((await titles('"inspector county"')).episodes).toEqual([]);
    expect((await titles("cranes or buses")).episodes.sort()).toEqual(["Cranes at Dawn", "Night Buses"]);
  });

  it("filters by kind, show and date", async () => {
    await labelledShow();
    expect(await titles("bridges", { kind: "stories" })).toEqual({ episodes: [], stories: [] });
    expect((await titles("bridges", { showSlug: "harbor-hours" })).episodes).toEqual(["Cranes at Dawn"]);
    expect((await titles("bridges", { from: new Date("2026-01-01T00:00:00Z") })).episodes).toEqual(["Bridges Nobody Inspects"]);
    expect((await titles("bridges", { to: new Date("2015-01-05T00:00:00Z") })).episodes).toEqual(["Cranes at Dawn"]);
    expect((await titles("repair", { kind: "episodes" })).stories).toEqual([]);
  });

  it.each([
    '\'; DROP TABLE "Episode"; --',
    "bridges & | ! ( ) :* <-> \\",
    "\u0000\u0002bridges\u0003",
    "<script>alert(1)</script>",
    "the and of",
    "     ",
    "x".repeat(200),
  ])("takes %j without an error and changes nothing", async (query) => {
    await labelledShow();
    await expect(search(query)).resolves.toBeDefined();
    expect(await prisma.episode.count()).toBe(4);
  });

  it("never lets stored markup through a snippet", async () => {
    await createEpisode({ title: "Markup", summary: "<img src=x onerror=alert(1)> bridges" });
    const [hit] = (await search("bridges")).episodes;
    // Snippets are plain text pieces (Postgres drops what looks like a tag's opening); the page renders them as
    // text, so whatever is left stays harmless characters.
    expect(hit!.snippet.map((part) => part.text).join("")).toContain("onerror=alert(1)");
    expect(hit!.snippet.every((part) => !/[\u0000-\u0008]/.test(part.text))).toBe(true);
  });
});

describe("story snippets", () => {
  it("read as plain words: no Markdown marks, link targets or tags", async () => {
    await createStory({
      title: "Inspections",
      body: "## How the backlog grows\n\nThe state requires an inspection every **24 months**, see [the schedule](https://data.example.org/x) or _the_ <em>rules</em>.\n\n> bridges wait\n\n- a list item about bridges",
    });
    const [hit] = (await search("months bridges")).stories;
    const text = hit!.snippet.map((part) => part.text).join("");
    expect(text).toContain("24 months");
    expect(text).toContain("the schedule");
    expect(text).not.toMatch(/\*\*|##|\]\(|https:|<\/?em>|(^|\s)_|(^|\s)>\s/);
  });
});

describe("search suggestions", () => {
  it("completes the word being typed against titles, newest first", async () => {
    await labelledShow();
    expect((await searchSuggestions("bridg")).map((suggestion) => suggestion.href)).toEqual([
      "/episodes/" + (await prisma.episode.findFirstOrThrow({ where: { title: "Bridges Nobody Inspects" } })).slug,
    ]);
    expect((await searchSuggestions("parts pai")).map((suggestion) => suggestion.kind)).toEqual(["story"]);
    expect(await searchSuggestions("!!! ::: ")).toEqual([]);
  });
});

describe("search pages", () => {
  it("gives ten of each kind at a time, and says when more follow", async () => {
    const show = await createShow();
    for (let day = 1; day <= 23; day += 1) {
      await createEpisode({
        showId: show.id,
        title: day % 2 ? `Harbor cranes, part ${day}` : `Part ${day}`,
        summary: day % 2 ? "" : "About harbor cranes.",
        publishedAt: new Date(Date.UTC(2026, 0, day)),
      });
    }
    const pages = [];
    for (let page = 1; page <= 3; page += 1) pages.push(await searchContent({ query: "harbor cranes", kind: "episodes", page }));
    expect(pages.map((results) => [results.episodes.length, results.moreEpisodes])).toEqual([
      [10, true],
      [10, true],
      [3, false],
    ]);
    const titles = pages.flatMap((results) => results.episodes.map((hit) => hit.episode.title));
    expect(new Set(titles).size).toBe(23);
  });
});

describe("the search indexer", () => {
  it("makes an imported episode findable once it runs, and again after the episode changes", async () => {
    const show = await createShow();
    // Written as the importer writes: no vectors yet.
    const episode = await prisma.episode.create({
      data: { showId: show.id, guid: "harbor-1", slug: "harbor-cranes", title: "Harbor Cranes at Dawn", publishedAt: new Date() },
    });
    const found = async (query: string) => (await searchContent({ query, kind: "episodes" })).episodes.map((hit) => hit.episode.slug);

    expect(await found("cranes")).toEqual([]);
    expect(await indexEpisodesForSearch()).toEqual({ indexed: 1, remaining: 0 });
    expect(await found("cranes")).toEqual(["harbor-cranes"]);
    expect(await indexEpisodesForSearch()).toEqual({ indexed: 0, remaining: 0 });

    await prisma.episode.update({ where: { id: episode.id }, data: { transcriptText: "Then we talk about tugboats." } });
    expect(await found("tugboats")).toEqual([]);
    expect(await indexEpisodesForSearch()).toEqual({ indexed: 1, remaining: 0 });
    expect(await found("tugboats")).toEqual(["harbor-cranes"]);
  });
});
