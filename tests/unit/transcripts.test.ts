import { describe, expect, it } from "@jest/globals";
import { chooseTranscript, parseTimestamp, parseTranscript, TranscriptParseError, transcriptFormat } from "@/lib/feeds/transcript-file";
import { cueIndexAt } from "@/lib/episodes/transcripts";

describe("parseTimestamp", () => {
  it.each([
    ["00:01:02,500", 62.5],
    ["01:02:03.250", 3723.25],
    ["02:03.5", 123.5],
    ["0:00", 0],
    ["75.2", 75.2],
  ])("reads %s", (raw, seconds) => expect(parseTimestamp(raw)).toBeCloseTo(seconds));

  it.each(["", "abc", "1:2:3:4", "-5"])("refuses %j", (raw) => expect(parseTimestamp(raw)).toBeUndefined());
});

describe("parseTranscript", () => {
  it("reads SRT with speaker labels and CRLF line ends", () => {
    const srt = "1\r\n00:00:00,000 --> 00:00:02,000\r\nMaya: Hello there.\r\n\r\n2\r\n00:00:02,000 --> 00:00:04,500\r\nDan: Hi, Maya.\r\n";
    expect(parseTranscript(srt, "srt")).toEqual([
      { start: 0, end: 2, text: "Hello there.", speaker: "Maya" },
      { start: 2, end: 4.5, text: "Hi, Maya.", speaker: "Dan" },
    ]);
  });

  it("reads WebVTT voices, skips NOTE blocks and strips cue markup and entities", () => {
    const vtt = "WEBVTT\n\nNOTE a comment --> not a cue\nstill the note\n\n00:01.000 --> 00:03.000 align:start\n<v Lena Marsh><i>Parts</i> &amp; pairing.\n";
    expect(parseTranscript(vtt, "vtt")).toEqual([{ start: 1, end: 3, text: "Parts & pairing.", speaker: "Lena Marsh" }]);
  });

  it("merges caption fragments of one speaker into sentence-sized lines", () => {
    const srt = [
      "00:00:00,000 --> 00:00:01,000\nthe bridge",
      "00:00:01,000 --> 00:00:02,000\nhas a tree",
      "00:00:02,000 --> 00:00:03,000\ngrowing through it.",
      "00:00:03,000 --> 00:00:04,000\nReally?",
    ].join("\n\n");
    expect(parseTranscript(srt, "srt")).toEqual([
      { start: 0, end: 3, text: "the bridge has a tree growing through it." },
      { start: 3, end: 4, text: "Really?" },
    ]);
  });

  it("reads the podcast namespace JSON format", () => {
    const json = JSON.stringify({
      version: "1.0.0",
      segments: [
        { speaker: "Maya", startTime: 0.5, endTime: 1.5, body: "Hello." },
        { startTime: 1.5, endTime: 2, body: "Bye." },
      ],
    });
    expect(parseTranscript(json, "json")).toEqual([
      { start: 0.5, end: 1.5, text: "Hello.", speaker: "Maya" },
      { start: 1.5, end: 2, text: "Bye." },
    ]);
  });

  it("reads the namespace's HTML layout and drops scripts", () => {
    const html = "<cite>Maya:</cite><time>0:00</time><p>Welcome <b>back</b>.</p><script>alert(1)</script><cite>Dan:</cite><time>0:05</time><p>Thanks.</p>";
    expect(parseTranscript(html, "html")).toEqual([
      { start: 0, end: null, text: "Welcome back.", speaker: "Maya" },
      { start: 5, end: null, text: "Thanks.", speaker: "Dan" },
    ]);
  });

  it("reads untimed HTML and plain text as paragraphs", () => {
    expect(parseTranscript("<html><body><div>First part.</div><div>Second part.</div></body></html>", "html").map((cue) => [cue.start, cue.text])).toEqual([
      [null, "First part."],
      [null, "Second part."],
    ]);
    expect(parseTranscript("One.\n\nTwo.", "text")).toHaveLength(2);
  });

  it.each([
    ["json", "{not json"],
    ["json", '{"chapters": []}'],
    ["srt", "no timing lines here"],
    ["vtt", "WEBVTT\n\n"],
  ] as const)("refuses an unreadable %s transcript with a reason", (format, body) => {
    expect(() => parseTranscript(body, format)).toThrow(TranscriptParseError);
  });

  it("puts cues that arrive out of order in time order", () => {
    const srt = "00:00:05,000 --> 00:00:06,000\nLater.\n\n00:00:01,000 --> 00:00:02,000\nEarlier.";
    expect(parseTranscript(srt, "srt").map((cue) => cue.text)).toEqual(["Earlier.", "Later."]);
  });
});

describe("choosing and following a transcript", () => {
  it("prefers a timed, readable format in the show's language", () => {
    const transcripts = [
      { url: "a.pdf", type: "application/pdf" },
      { url: "b.html", type: "text/html" },
      { url: "c.srt", type: "application/x-subrip", language: "de" },
      { url: "d.vtt", type: "text/vtt", language: "en-US" },
    ];
    expect(chooseTranscript(transcripts, "en")?.url).toBe("d.vtt");
    expect(chooseTranscript(transcripts.slice(0, 2), "en")?.url).toBe("b.html");
    expect(chooseTranscript([{ url: "a.pdf", type: "application/pdf" }])).toBeUndefined();
    expect(transcriptFormat("text/vtt; charset=utf-8")).toBe("vtt");
  });

  it("finds the cue spoken at a moment", () => {
    const cues = [0, 2, 4].map((start) => ({ start, end: start + 2, text: String(start) }));
    expect(cueIndexAt(cues, 0)).toBe(0);
    expect(cueIndexAt(cues, 3.9)).toBe(1);
    expect(cueIndexAt(cues, 100)).toBe(2);
    expect(cueIndexAt([{ start: 1, end: 2, text: "x" }], 0.5)).toBe(-1);
    expect(cueIndexAt([{ start: null, end: null, text: "x" }], 5)).toBe(-1);
  });
});
