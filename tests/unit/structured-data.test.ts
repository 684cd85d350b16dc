import { describe, expect, it } from "@jest/globals";
import { formatClock } from "@/lib/text/format";
import { episodeJsonLd, jsonLdText, websiteJsonLd } from "@/lib/site/structured-data";
import { sharedMoment } from "@/components/player/player-logic";
import { demoEpisodePage } from "../fixtures/episodes";

const episode = demoEpisodePage;

// The schema.org properties (https://schema.org, version 29) each type we emit may carry, with the types their
// values may be. Every object we publish is checked against it, so a misspelt or invented property fails here.
const SCHEMA: Record<string, Record<string, string[]>> = {
  PodcastEpisode: {
    url: ["URL"],
    name: ["Text"],
    description: ["Text"],
    datePublished: ["Date"],
    episodeNumber: ["Integer"],
    timeRequired: ["Duration"],
    image: ["URL"],
    partOfSeries: ["PodcastSeries"],
    associatedMedia: ["MediaObject"],
  },
  PodcastSeries: { name: ["Text"], url: ["URL"] },
  MediaObject: { contentUrl: ["URL"], encodingFormat: ["Text"], duration: ["Duration"] },
  WebSite: { name: ["Text"], url: ["URL"], potentialAction: ["SearchAction"] },
  SearchAction: { target: ["EntryPoint"], "query-input": ["Text"] },
  EntryPoint: { urlTemplate: ["Text"] },
};

function checkAgainstSchema(node: Record<string, unknown>, path = "$") {
  const type = node["@type"] as string;
  const properties = SCHEMA[type];
  expect([path, properties ? "known type" : `unknown type ${type}`]).toEqual([path, "known type"]);
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("@")) continue;
    const expected = properties![key];
    expect([`${path}.${key}`, expected ? "defined" : `not a property of ${type}`]).toEqual([`${path}.${key}`, "defined"]);
    if (value && typeof value === "object") {
      expect(expected).toContain((value as { "@type": string })["@type"]);
      checkAgainstSchema(value as Record<string, unknown>, `${path}.${key}`);
    } else if (expected!.includes("URL")) expect(() => new URL(String(value))).not.toThrow();
    else if (expected!.includes("Date")) expect(Number.isNaN(Date.parse(String(value)))).toBe(false);
    else if (expected!.includes("Duration")) expect(String(value)).toMatch(/^PT(\d+H)?(\d+M)?(\d+S)?$/);
    else if (expected!.includes("Integer")) expect(Number.isInteger(value)).toBe(true);
  }
}

describe("structured data is valid schema.org", () => {
  it.each([
    ["an episode", episodeJsonLd({ ...episode, artworkUrl: "https://cdn.example/a.jpg" }, "https://longsignal.example")],
    ["the website", websiteJsonLd("The Long Signal", "https://longsignal.example")],
  ])("%s", (_label, data) => {
    expect(data["@context"]).toBe("https://schema.org");
    checkAgainstSchema(data as Record<string, unknown>);
  });
});

describe("episodeJsonLd", () => {
  it("describes the episode, its media and its series with absolute URLs", () => {
    expect(episodeJsonLd(episode, "https://longsignal.example")).toEqual({
      "@context": "https://schema.org",
      "@type": "PodcastEpisode",
      url: "https://longsignal.example/episodes/bridges-nobody-inspects",
      name: "Bridges Nobody Inspects",
      description: "Who is counting?",
      datePublished: "2026-11-17T06:00:00.000Z",
      episodeNumber: 8,
      timeRequired: "PT58M12S",
      partOfSeries: { "@type": "PodcastSeries", name: "The Long Signal", url: "https://longsignal.example/" },
      associatedMedia: {
        "@type": "MediaObject",
        contentUrl: "https://longsignal.example/demo/audio/bridges-3492s.wav",
        encodingFormat: "audio/wav",
        duration: "PT58M12S",
      },
    });
  });

  it("cannot be used to close its script element", () => {
    const text = jsonLdText({ name: "</script><script>alert(1)</script>" });
    expect(text).not.toContain("</script");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>" });
  });
});

describe("?t= start times", () => {
  it.each([
    ["754", 754],
    ["12:34", 754],
    ["1:02:03", 3723],
    ["abc", undefined],
    ["-5", undefined],
    ["1:02:03:04:05:06", undefined],
    [undefined, undefined],
  ])("%j starts at %j", (t, seconds) => {
    expect(sharedMoment(t === undefined ? "" : `?t=${encodeURIComponent(t)}`)).toBe(seconds);
  });

  it("are shown as a clock", () => {
    expect(formatClock(754)).toBe("12:34");
    expect(formatClock(3723)).toBe("1:02:03");
    expect(formatClock(5)).toBe("0:05");
  });
});
