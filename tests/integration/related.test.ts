import { beforeEach, describe, expect, it } from "@jest/globals";
import { relatedEpisodes, relatedStories } from "@/lib/search/related";
import { indexEpisodesForSearch } from "@/lib/search/indexing";
import { resetDatabase } from "../setup/database";
import { createEpisode, createShow, createStory } from "../setup/factories";

beforeEach(resetDatabase);

const day = (n: number) => new Date(Date.UTC(2026, 0, n));
const asSource = (episode: { id: string; showId: string }) => ({ kind: "EPISODE" as const, id: episode.id, showId: episode.showId });

describe("related content for an episode", () => {
  it("ranks episodes on the same subject, never pads the list with others, and leaves out gone episodes", async () => {
    const show = await createShow();
    const source = await createEpisode({
      showId: show.id,
      title: "Bridges Nobody Inspects",
      summary: "A county inspector covers 412 bridges alone.",
      publishedAt: day(10),
    });
    const sensors = await createEpisode({
      showId: show.id,
      title: "Sensors on Old Bridges",
      summary: "Why bridge inspectors want monitoring, and county pilots stall.",
      publishedAt: day(1),
    });
    await createEpisode({
      showId: show.id,
      title: "Bridge Inspectors Speak",
      summary: "The county inspectors who inspect bridges.",
      publishedAt: day(2),
      goneAt: day(3),
    });
    await createEpisode({ showId: show.id, title: "The Quiet Economics of Repair Shops", summary: "Parts pairing and rent.", publishedAt: day(9) });
    await createEpisode({ showId: show.id, title: "Night Buses", summary: "Drivers of the overnight routes.", publishedAt: day(8) });

    const related = await relatedEpisodes(asSource(source), 3);
    expect(related.map((episode) => episode.slug)).toEqual([sensors.slug]);
  });

  it("finds stories about the episode's subject, published ones only", async () => {
    const source = await createEpisode({ title: "Bridges Nobody Inspects", summary: "A county inspector covers 412 bridges alone." });
    const match = await createStory({ title: "County Bridge Inspections Backlog", body: "Inspectors are years behind on bridges." });
    await createStory({ title: "Bridge inspection draft", body: "Bridges and inspectors.", status: "DRAFT", publishedAt: null });
    await createStory({ title: "Phone repair margins", body: "Screens and batteries." });

    expect((await relatedStories(asSource(source))).map((story) => story.slug)).toEqual([match.slug]);
  });

  it("puts the show's own episode ahead of another show's on the same subject", async () => {
    const [own, other] = [await createShow(), await createShow()];
    const source = await createEpisode({
      showId: own.id,
      title: "Bridge Inspectors and County Budgets",
      summary: "Inspectors, bridges and the county budget.",
      publishedAt: day(1),
    });
    const elsewhere = await createEpisode({
      showId: other.id,
      title: "County Bridge Inspectors",
      summary: "Bridges, inspectors and a county budget.",
      publishedAt: day(3),
    });
    const ours = await createEpisode({
      showId: own.id,
      title: "County Bridge Inspectors",
      summary: "Bridges, inspectors and a county budget.",
      publishedAt: day(2),
    });
    expect((await relatedEpisodes(asSource(source), 2)).map((episode) => episode.slug)).toEqual([ours.slug, elsewhere.slug]);
  });

  it("copes with an episode whose words are all stop words", async () => {
    const source = await createEpisode({ title: "The And Of", summary: "" });
    await createStory({ title: "Anything", body: "Text." });
    expect(await relatedStories(asSource(source))).toEqual([]);
    expect(await relatedEpisodes(asSource(source))).toEqual([]);
  });
});

// A small labelled set: five subjects, each with episodes (on two shows) and a story, written so that items on
// different subjects share a word or two ("battery", "home", "county", "city") as real ones do.
const LABELLED = {
  football: [
    {
      kind: "episode",
      show: "sport",
      title: "Derby Day: How the Club's Academy Finds Strikers",
      summary: "Scouts watch hundreds of youth matches; a battery of fitness tests decides who stays at the academy.",
    },
    {
      kind: "episode",
      show: "sport",
      title: "Inside a Football Academy",
      summary: "Youth coaches, scouts and the strikers they hope will reach the first team at home games.",
    },
    {
      kind: "story",
      title: "The Youth Academy That Feeds the First Team",
      body: "The club's academy scouts sign strikers at twelve; few reach the first team, and the youth coaches know it.",
    },
  ],
  batteries: [
    {
      kind: "episode",
      show: "signal",
      title: "Listener Questions on Home Batteries",
      summary: "Solar panels, battery storage and inverters: what a home battery really saves on the power bill.",
    },
    {
      kind: "episode",
      show: "signal",
      title: "Solar Inverters Explained",
      summary: "How inverters turn solar panels' current into power for the home, and why battery storage needs one.",
    },
    {
      kind: "story",
      title: "Should You Buy a Home Battery?",
      body: "Battery storage pays off when solar panels make more power than the home uses; inverters and tariffs decide.",
    },
  ],
  bridges: [
    {
      kind: "episode",
      show: "signal",
      title: "Bridges Nobody Inspects",
      summary: "A county inspector covers 412 bridges alone; inspections are skipped and the backlog grows.",
    },
    {
      kind: "episode",
      show: "sport",
      title: "Sensors on Old Bridges",
      summary: "Strain sensors could warn inspectors about old bridges, but the county pilots ran out of money.",
    },
    {
      kind: "story",
      title: "County Bridge Inspections Backlog",
      body: "The inspector's backlog: bridges wait years between inspections while the county budget shrinks.",
    },
  ],
  repair: [
    {
      kind: "episode",
      show: "signal",
      title: "The Quiet Economics of Repair Shops",
      summary: "Parts pairing locks replacement screens to one phone; repair shops lose customers in the city.",
    },
    {
      kind: "episode",
      show: "signal",
      title: "Right to Repair Phones",
      summary: "Replacement screens, parts pairing and the repair shops that fix phones for less.",
    },
    {
      kind: "story",
      title: "Why Repair Shops Fear Parts Pairing",
      body: "A replacement screen takes twenty minutes; parts pairing makes the phone refuse it, and repair shops pay.",
    },
  ],
  transit: [
    {
      kind: "episode",
      show: "signal",
      title: "Night Buses and the People Who Drive Them",
      summary: "Overnight bus drivers on routes the city timetable gets wrong after midnight.",
    },
    {
      kind: "episode",
      show: "sport",
      title: "Driving the Overnight Route",
      summary: "Bus drivers on the night routes say the timetable ignores how the city moves after midnight.",
    },
    {
      kind: "story",
      title: "The Night Bus Timetable",
      body: "Drivers on overnight bus routes run early because the timetable was written for daytime traffic.",
    },
  ],
} as const;

describe("related lists on a labelled set", () => {
  it("never put an item on another subject in the top three", async () => {
    const shows = { sport: await createShow({ title: "Matchday" }), signal: await createShow({ title: "The Long Signal" }) };
    const subjectOf = new Map<string, string>();
    const sources: { subject: string; source: { kind: "EPISODE" | "STORY"; id: string; showId?: string } }[] = [];
    let dayNumber = 1;
    for (const [subject, items] of Object.entries(LABELLED)) {
      for (const item of items) {
        dayNumber += 1;
        if (item.kind === "episode") {
          const episode = await createEpisode({ showId: shows[item.show].id, title: item.title, summary: item.summary, publishedAt: day(dayNumber) });
          subjectOf.set(episode.slug, subject);
          sources.push({ subject, source: asSource(episode) });
        } else {
          const story = await createStory({ title: item.title, body: item.body, publishedAt: day(dayNumber) });
          subjectOf.set(story.slug, subject);
          sources.push({ subject, source: { kind: "STORY", id: story.id } });
        }
      }
    }
    await indexEpisodesForSearch();
    const wrong: string[] = [];
    let found = 0;
    for (const { subject, source } of sources) {
      const [episodes, stories] = await Promise.all([relatedEpisodes(source, 3), relatedStories(source, 3)]);
      for (const related of [...episodes, ...stories]) {
        found += 1;
        if (subjectOf.get(related.slug) !== subject) wrong.push(`${subject} → ${related.slug} (${subjectOf.get(related.slug)})`);
      }
    }
    expect(wrong).toEqual([]);
    // Not by showing nothing: most items find the others on their subject.
    expect(found).toBeGreaterThanOrEqual(sources.length);
  });
});
