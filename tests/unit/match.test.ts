import { afterAll, describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import {
  durationAgreement,
  episodeNumberIn,
  MATCH_THRESHOLDS,
  matchItems,
  timeProximity,
  titleSimilarity,
  type MatchableEpisode,
  type MatchableItem,
} from "@/lib/feeds/match";

interface LabelledSet {
  showTitle: string;
  episodes: (Omit<MatchableEpisode, "publishedAt"> & { publishedAt: string })[];
  videos: (Omit<MatchableItem, "publishedAt"> & { publishedAt: string })[];
  truth: Record<string, string>;
}

const labelled = JSON.parse(readFileSync("tests/fixtures/matching/labelled-pairs.json", "utf8")) as LabelledSet;
const episodes: MatchableEpisode[] = labelled.episodes.map((episode) => ({ ...episode, publishedAt: new Date(episode.publishedAt) }));
const items: MatchableItem[] = labelled.videos.map((video) => ({ ...video, publishedAt: new Date(video.publishedAt) }));

describe("matching videos to episodes on a labelled set", () => {
  const chosen = matchItems(items, episodes, { showTitle: labelled.showTitle });
  const confident = chosen.filter((candidate) => candidate.confidence >= MATCH_THRESHOLDS.auto);
  const correct = confident.filter((candidate) => labelled.truth[candidate.itemId] === candidate.episodeId);
  const precision = correct.length / Math.max(confident.length, 1);
  const recall = correct.length / Object.keys(labelled.truth).length;

  afterAll(() => {
    process.stdout.write(
      `Matching on ${items.length} videos / ${episodes.length} episodes: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(${confident.length} confident links, ${chosen.length - confident.length} for review)\n`,
    );
  });

  it("links nothing wrongly on its own (precision 1)", () => {
    expect(confident.filter((candidate) => labelled.truth[candidate.itemId] !== candidate.episodeId)).toEqual([]);
  });

  it("finds most true pairs without help (recall ≥ 0.85)", () => {
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });

  it("leaves clips, streams and announcements unlinked", () => {
    expect(chosen.filter((candidate) => candidate.itemId.startsWith("decoy") && candidate.confidence >= MATCH_THRESHOLDS.auto)).toEqual([]);
  });

  it("links a video the show notes point at, whatever its title", () => {
    expect(chosen).toContainEqual({ itemId: "yt-200", episodeId: "ep-200", method: "URL", confidence: 1 });
  });
});

describe("the parts of the score", () => {
  it("reads episode numbers as hosts write them", () => {
    expect(episodeNumberIn("Ep 101: Bridges")).toBe(101);
    expect(episodeNumberIn("The Long Signal #102 - Repair")).toBe(102);
    expect(episodeNumberIn("Episode 7 — Maps")).toBe(7);
    expect(episodeNumberIn("Bridges Nobody Inspects")).toBeUndefined();
  });

  it("sees through case, punctuation, numbering and platform noise", () => {
    expect(titleSimilarity("Ep 101: Who Owns the Map?", "WHO OWNS THE MAP (Full Episode)", "The Long Signal")).toBeGreaterThan(0.95);
    expect(titleSimilarity("Who Owns the Map?", "Live Q&A with Maya and Dan")).toBeLessThan(0.3);
  });

  it("weighs time and duration", () => {
    expect(timeProximity(new Date("2026-01-01T00:00Z"), new Date("2026-01-02T06:00Z"))).toBe(1);
    expect(timeProximity(new Date("2026-01-01T00:00Z"), new Date("2026-01-20T00:00Z"))).toBe(0);
    expect(durationAgreement(3600, 3650)).toBe(1);
    expect(durationAgreement(3600, 600)).toBe(0);
    expect(durationAgreement(null, 600)).toBeUndefined();
  });

  it("never pairs two episodes with different numbers", () => {
    const base = { publishedAt: new Date("2026-01-01"), durationSeconds: 3600 };
    const chosen = matchItems(
      [{ id: "v", externalId: "x", url: "https://v.example/1", title: "Ep 12: Night Buses", ...base }],
      [{ id: "e", guid: "g", title: "Ep 13: Night Buses", link: null, notesHtml: "", ...base }],
    );
    expect(chosen).toEqual([]);
  });
});
