import { describe, expect, it } from "@jest/globals";
import { stripHtmlInOnePass } from "@/lib/feeds/rss-parser-snippet";
import { DeclarationGuard, escapeStrayDeclarations } from "@/lib/text/xml-guard";

describe("stray <! declarations", () => {
  it("finds the ones that open no comment, CDATA or first DOCTYPE, and leaves those alone", () => {
    const xml = "<!DOCTYPE rss><rss><!-- a <!x --><a><![CDATA[ <!y ]]></a><b><!z</b><!DOCTYPE again></rss>";
    expect(escapeStrayDeclarations(xml)).toBe("<!DOCTYPE rss><rss><!-- a <!x --><a><![CDATA[ <!y ]]></a><b>&lt;!z</b>&lt;!DOCTYPE again></rss>");
    expect(escapeStrayDeclarations("<rss>plain</rss>")).toBe("<rss>plain</rss>");
  });

  it("finds them across chunk boundaries, wherever the chunks are cut", () => {
    const xml = "<a><![CDATA[ <! ]]><!-- <! --><!bad<!also</a>";
    const whole = new DeclarationGuard().scan(xml, true).map((found) => found.offset);
    expect(whole).toEqual([xml.indexOf("<!bad"), xml.indexOf("<!also")]);
    for (let size = 1; size < xml.length; size += 1) {
      const guard = new DeclarationGuard();
      const offsets: number[] = [];
      for (let at = 0; at < xml.length; at += size) offsets.push(...guard.scan(xml.slice(at, at + size)).map((found) => found.offset));
      offsets.push(...guard.scan("", true).map((found) => found.offset));
      expect(offsets).toEqual(whole);
    }
  });
});

describe("stripHtmlInOnePass (rss-parser's snippets)", () => {
  it("drops tags, breaks lines at blocks, and keeps text that only looks like a tag's start", () => {
    expect(stripHtmlInOnePass("<p>One <b>two</b></p><p>Three</p>")).toBe("One two\nThree");
    expect(stripHtmlInOnePass("a < b and c <d")).toBe("a < b and c <d");
    expect(stripHtmlInOnePass("<".repeat(5) + "x")).toBe("<<<<<x");
  });
});
