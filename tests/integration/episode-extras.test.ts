// Chapters files and transcripts fetched over real HTTP from the tests' own host, validated and stored with the
// episode; what cannot be read is recorded and changes nothing else.
import { beforeEach, describe, expect, it } from "@jest/globals";
import { prisma } from "@/lib/db";
import { fetchEpisodeExtras } from "@/lib/feeds/extras";
import { resetDatabase } from "../setup/database";
import { createEpisode, createShow } from "../setup/factories";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();

const CHAPTERS = JSON.stringify({
  version: "1.2.0",
  chapters: [
    { startTime: 0, title: "Open" },
    { startTime: 90, title: "Interview" },
  ],
});
const VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\n<v Maya>Welcome to the show.\n\n00:02.000 --> 00:04.000\n<v Dan>Glad to be here.\n";

beforeEach(resetDatabase);

async function episodeWithExtras(paths: { chapters?: string; transcript?: string; type?: string }) {
  const show = await createShow({ language: "en" });
  return createEpisode({
    showId: show.id,
    chaptersUrl: paths.chapters && server.url(paths.chapters),
    transcripts: paths.transcript ? [{ url: server.url(paths.transcript), type: paths.type ?? "text/vtt" }] : undefined,
  });
}

const stored = (id: string) => prisma.episode.findUniqueOrThrow({ where: { id } });

describe("fetching episode extras", () => {
  it("stores the chapters and the transcript cues and text, and fetches nothing again while they are unchanged", async () => {
    server.routes.set("/chapters.json", { body: CHAPTERS, contentType: "application/json" });
    server.routes.set("/t.vtt", { body: VTT, contentType: "text/vtt" });
    const episode = await episodeWithExtras({ chapters: "/chapters.json", transcript: "/t.vtt" });

    expect(await fetchEpisodeExtras({ showId: episode.showId })).toEqual({ fetched: 1, failed: 0, remaining: 0 });
    const after = await stored(episode.id);
    expect(after.chapters).toEqual([
      { startTime: 0, title: "Open" },
      { startTime: 90, title: "Interview" },
    ]);
    expect(after.transcriptCues).toEqual([
      { start: 0, end: 2, text: "Welcome to the show.", speaker: "Maya" },
      { start: 2, end: 4, text: "Glad to be here.", speaker: "Dan" },
    ]);
    expect(after.transcriptText).toBe("Maya: Welcome to the show.\nDan: Glad to be here.");
    expect(after.extrasError).toBeNull();

    const requests = server.requests.length;
    expect(await fetchEpisodeExtras({ showId: episode.showId })).toEqual({ fetched: 0, failed: 0, remaining: 0 });
    // An import that changes the episode but not its extras' addresses costs no fetch either.
    await prisma.episode.update({ where: { id: episode.id }, data: { title: "Retitled" } });
    await fetchEpisodeExtras({ showId: episode.showId });
    expect(server.requests.length).toBe(requests);
  });

  it("fetches again when the feed points at a new transcript", async () => {
    server.routes.set("/t.vtt", { body: VTT });
    server.routes.set("/t2.srt", { body: "1\n00:00:00,000 --> 00:00:01,000\nA new take.\n" });
    const episode = await episodeWithExtras({ transcript: "/t.vtt" });
    await fetchEpisodeExtras({});
    await prisma.episode.update({ where: { id: episode.id }, data: { transcripts: [{ url: server.url("/t2.srt"), type: "application/srt" }] } });
    expect(await fetchEpisodeExtras({})).toMatchObject({ fetched: 1 });
    expect((await stored(episode.id)).transcriptText).toBe("A new take.");
  });

  it("records what could not be read and keeps what could", async () => {
    server.routes.set("/chapters.json", { body: "{ not json", contentType: "application/json" });
    server.routes.set("/t.vtt", { body: VTT });
    const broken = await episodeWithExtras({ chapters: "/chapters.json", transcript: "/t.vtt" });
    const missing = await episodeWithExtras({ transcript: "/missing.vtt" });

    expect(await fetchEpisodeExtras({})).toEqual({ fetched: 0, failed: 2, remaining: 0 });
    const first = await stored(broken.id);
    expect(first.extrasError).toBe("chapters: the chapters file is not valid JSON");
    expect(first.chapters).toBeNull();
    expect(first.transcriptCues).toHaveLength(2);
    expect((await stored(missing.id)).extrasError).toMatch(/^transcript: .*404/);
    // Failures wait before they are tried again: a second call right away fetches nothing.
    const requests = server.requests.length;
    await fetchEpisodeExtras({});
    expect(server.requests.length).toBe(requests);
  });

  it("refuses a transcript over the size cap without storing any of it", async () => {
    server.routes.set("/huge.vtt", { streamBytes: 6 * 1024 * 1024 });
    const episode = await episodeWithExtras({ transcript: "/huge.vtt" });
    expect(await fetchEpisodeExtras({})).toMatchObject({ failed: 1 });
    const after = await stored(episode.id);
    expect(after.extrasError).toMatch(/transcript: .*(large|limit|MiB)/i);
    expect(after.transcriptCues).toBeNull();
  });

  it("reads a batch at a time, newest first, and says how many wait", async () => {
    server.routes.set("/t.vtt", { body: VTT });
    const show = await createShow();
    for (let day = 1; day <= 3; day += 1) {
      await createEpisode({ showId: show.id, publishedAt: new Date(Date.UTC(2026, 0, day)), transcripts: [{ url: server.url("/t.vtt"), type: "text/vtt" }] });
    }
    expect(await fetchEpisodeExtras({ showId: show.id }, { limit: 2 })).toEqual({ fetched: 2, failed: 0, remaining: 1 });
    const pending = await prisma.episode.findMany({ where: { showId: show.id, extrasFetchedAt: null }, select: { publishedAt: true } });
    expect(pending.map((episode) => episode.publishedAt.getUTCDate())).toEqual([1]);
    expect(await fetchEpisodeExtras({ showId: show.id }, { limit: 2 })).toEqual({ fetched: 1, failed: 0, remaining: 0 });
  });

  it("reads this site's own files for root-relative addresses and refuses paths outside public/", async () => {
    const show = await createShow();
    const demo = await createEpisode({
      showId: show.id,
      chaptersUrl: "/demo/chapters/repair-shops.json",
      transcripts: [{ url: "/demo/transcripts/repair-shops.vtt", type: "text/vtt" }],
    });
    const escape = await createEpisode({ showId: show.id, transcripts: [{ url: "/../package.json", type: "application/json" }] });
    await fetchEpisodeExtras({ showId: show.id });
    expect((await stored(demo.id)).chapters).toHaveLength(3);
    expect((await stored(escape.id)).transcriptCues).toBeNull();
  });
});
