import { beforeEach, describe, expect, it } from "@jest/globals";
import { prisma } from "@/lib/db";
import { addFeedSource, syncFeedSource } from "@/lib/feeds/sync";
import { getStory } from "@/lib/stories/stories";
import { resetDatabase } from "../setup/database";
import { createShow } from "../setup/factories";
import { useFeedServer } from "../setup/use-feed-server";

const server = useFeedServer();
beforeEach(resetDatabase);

function wordpressFeed(items: { guid: string; title: string; body: string }[]) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Civic Desk</title><link>https://civicdesk.example</link><description>News</description>
${items
  .map(
    (item) => `<item><title>${item.title}</title><link>https://civicdesk.example/${item.guid}/</link><guid isPermaLink="false">${item.guid}</guid>
<pubDate>Tue, 18 Jun 2024 09:30:00 +0000</pubDate><dc:creator><![CDATA[Mara]]></dc:creator>
<description><![CDATA[Short version.]]></description><content:encoded><![CDATA[${item.body}]]></content:encoded></item>`,
  )
  .join("\n")}
</channel></rss>`;
}

describe("stories from a full-text feed", () => {
  it("imports each item as a story, sanitized, and updates it on the next sync without duplicates", async () => {
    await expect(addFeedSource({ url: server.url("/none.xml"), kind: "STORIES" })).rejects.toThrow();
    await createShow();
    server.routes.set("/stories.xml", {
      body: wordpressFeed([{ guid: "p=41", title: "Bridges", body: "<p>Full <em>text</em>.</p><script>alert(1)</script>" }]),
      etag: '"v1"',
    });
    const { source, sync } = await addFeedSource({ url: server.url("/stories.xml"), kind: "STORIES" });
    expect(sync).toMatchObject({ status: "IMPORTED", created: 1 });
    const story = await getStory("bridges");
    expect(story).toMatchObject({ title: "Bridges", dek: "Short version." });
    expect(story?.bodyHtml).toBe("<p>Full <em>text</em>.</p>");
    expect(await prisma.episode.count()).toBe(0);

    server.routes.set("/stories.xml", {
      body: wordpressFeed([
        { guid: "p=41", title: "Bridges, updated", body: "<p>More text.</p>" },
        { guid: "p=42", title: "Buses", body: "<p>Night routes.</p>" },
      ]),
      etag: '"v2"',
    });
    expect(await syncFeedSource(source.id)).toMatchObject({ status: "IMPORTED", created: 1, updated: 1 });
    expect(await prisma.story.count()).toBe(2);
    expect((await getStory("bridges"))?.title).toBe("Bridges, updated");
  });
});
