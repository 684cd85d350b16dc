import { describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { charsetFromContentType, decodeFeed } from "@/lib/feeds/decode";

const sharedFeed = (name: string) => readFile(path.resolve("tests/fixtures/feeds/real-world", name.replace("/", "__")));

describe("decodeFeed", () => {
  it("follows the XML declaration when the server says nothing (ISO-8859-1)", async () => {
    const { text, encoding } = decodeFeed(await sharedFeed("rss-parser/encoding.rss"));
    expect(encoding).toBe("windows-1252");
    expect(text).not.toContain("\uFFFD");
  });

  it("reads Windows-1251 Cyrillic by its declaration", async () => {
    const { text, encoding } = decodeFeed(await sharedFeed("picofeed/ibash.ru.xml"));
    expect(encoding).toBe("windows-1251");
    expect(text).toMatch(/[а-яА-Я]{4,}/);
  });

  it("reads UTF-16 by its byte-order mark", async () => {
    const { text, encoding } = decodeFeed(await sharedFeed("feedparser/utf-16le-bom.xml"));
    expect(encoding).toBe("utf-16le");
    expect(text).toMatch(/^<\?xml/);
  });

  it("prefers the server's charset over the declaration", () => {
    const bytes = Buffer.from('<?xml version="1.0" encoding="iso-8859-1"?><rss>é</rss>', "utf8");
    expect(decodeFeed(bytes, "application/rss+xml; charset=UTF-8").text).toContain("<rss>é</rss>");
  });

  it("reads undeclared non-UTF-8 bytes as Windows-1252 instead of garbling them", async () => {
    const { text, encoding } = decodeFeed(await sharedFeed("rss-parser/uolNoticias.rss"));
    expect(encoding).toBe("windows-1252");
    expect(text).toContain("Últimas Notícias");
  });

  it("keeps plain UTF-8 as it is", () => {
    expect(decodeFeed(Buffer.from("<rss>naïve ✓</rss>")).text).toBe("<rss>naïve ✓</rss>");
  });
});

describe("charsetFromContentType", () => {
  it.each([
    ["text/xml; charset=ISO-8859-1", "windows-1252"],
    ['application/rss+xml; charset="utf-8"', "utf-8"],
    ["application/xml", undefined],
    ["text/xml; charset=made-up", undefined],
  ])("%j → %j", (header, encoding) => {
    expect(charsetFromContentType(header)).toBe(encoding);
  });
});
