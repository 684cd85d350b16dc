import { describe, expect, it } from "@jest/globals";
import { FeedParseError } from "@/lib/feeds/parse";
import { wholeFeed } from "@/lib/feeds/parse-job";
import { parseOffThread } from "@/lib/feeds/parse-worker-client";

const parseFeedOffThread = async (text: string, feedUrl?: string, limits?: { timeoutMs: number }) =>
  wholeFeed(await parseOffThread({ bytes: Buffer.from(text), feedUrl }, limits));

const small = (title: string) =>
  `<rss version="2.0"><channel><title>${title}</title><item><title>One</title><guid>1</guid><pubDate>Mon, 02 Nov 2026 10:00:00 GMT</pubDate></item></channel></rss>`;

describe("parsing off the main thread", () => {
  it("parses feeds one after another in a warm worker", async () => {
    const [a, b] = await Promise.all([parseFeedOffThread(small("A")), parseFeedOffThread(small("B"))]);
    expect([a.show.title, b.show.title]).toEqual(["A", "B"]);
    expect(a.episodes[0]?.publishedAt).toEqual(new Date("2026-11-02T10:00:00Z"));
  });

  it("stops a parse that overruns its deadline, and the next parse still works", async () => {
    const hostile = `<rss version="2.0"><channel><title>x</title><item><title>a</title><description>${"<b>x</b>".repeat(200_000)}</description></item></channel></rss>`;
    await expect(parseFeedOffThread(hostile, undefined, { timeoutMs: 300 })).rejects.toThrow(/longer than 0.3 s/);
    expect((await parseFeedOffThread(small("After"))).show.title).toBe("After");
  });

  it("reports what is not a feed as a parse error", async () => {
    await expect(parseFeedOffThread("<html><body>Moved</body></html>")).rejects.toBeInstanceOf(FeedParseError);
  });
});
