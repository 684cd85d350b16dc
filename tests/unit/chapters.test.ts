import { describe, expect, it } from "@jest/globals";
import { chapterAt, chaptersFromNotes } from "@/lib/episodes/chapters";
import { chaptersFromJson, ChaptersParseError } from "@/lib/feeds/chapters-file";

describe("chaptersFromNotes", () => {
  it("reads timestamped lines from list items, paragraphs and line breaks", () => {
    const notes =
      "<p>Intro text.</p><ul><li>00:00 Cold open: a bridge</li><li>06:30 How inspections are scheduled</li></ul>" +
      "<p>(1:02:03) – The end &amp; after<br>Not a chapter</p>";
    expect(chaptersFromNotes(notes)).toEqual([
      { startTime: 0, title: "Cold open: a bridge" },
      { startTime: 390, title: "How inspections are scheduled" },
      { startTime: 3723, title: "The end & after" },
    ]);
  });

  it("finds none in notes with a single timestamp or out-of-order ones", () => {
    expect(chaptersFromNotes("<p>At 12:30 we talk about maps.</p>")).toEqual([]);
    expect(chaptersFromNotes("<li>10:00 B</li><li>05:00 A</li>")).toEqual([]);
    expect(chaptersFromNotes("<li>00:00 Only one</li>")).toEqual([]);
  });

  it("knows which chapter is playing", () => {
    const chapters = [
      { startTime: 0, title: "A" },
      { startTime: 60, title: "B" },
    ];
    expect(chapterAt(chapters, 30)?.title).toBe("A");
    expect(chapterAt(chapters, 61)?.title).toBe("B");
    expect(chapterAt([], 10)).toBeUndefined();
  });
});

describe("chaptersFromJson", () => {
  it("reads the podcast namespace's chapters file, in time order, without toc:false entries", () => {
    const file = JSON.stringify({
      version: "1.2.0",
      chapters: [
        { startTime: 120, title: "Second", url: "https://example.org/a" },
        { startTime: 0, title: "  First  " },
        { startTime: 60, title: "Image only", toc: false },
        { startTime: 200, url: "javascript:alert(1)" },
      ],
    });
    expect(chaptersFromJson(file)).toEqual([
      { startTime: 0, title: "First" },
      { startTime: 120, title: "Second", url: "https://example.org/a" },
      { startTime: 200, title: "Untitled chapter" },
    ]);
  });

  it.each(["not json", "{}", '{"chapters":[{"startTime":-1}]}', '{"chapters":"no"}'])("refuses %j with a reason", (text) => {
    expect(() => chaptersFromJson(text)).toThrow(ChaptersParseError);
  });
});
