import { describe, expect, it } from "@jest/globals";
import { formatClock } from "@/lib/format";
import { episodeJsonLd, jsonLdText } from "@/lib/structured-data";
import { sharedMoment } from "@/components/player/player-logic";
import { demoEpisodePage } from "../fixtures/episodes";

const episode = demoEpisodePage;

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
        contentUrl: "https://longsignal.example/demo/audio/long-signal-sample.wav",
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
