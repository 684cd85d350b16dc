// A synthetic long-running daily show: thousands of items with show notes of realistic length (~3 KB each),
// so that 5,000 items weigh about 15 MB like real daily-show feeds.
const PARAGRAPH =
  "In this hour we talk with engineers, drivers and neighbours about the systems that keep a city moving, " +
  "what breaks first when budgets shrink, and what listeners can ask of the people who run them. ";

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

export function bigFeedXml(itemCount: number, options: { newestTitle?: string; hostile?: boolean } = {}): string {
  const start = Date.UTC(2012, 0, 1);
  const items: string[] = [];
  for (let index = itemCount - 1; index >= 0; index -= 1) {
    const date = new Date(start + index * 86_400_000);
    const title = index === itemCount - 1 && options.newestTitle ? options.newestTitle : `Daily Signal ${index + 1}: Roads, Rails and Rates`;
    const description = options.hostile ? `<b>x</b>`.repeat(12_000) : PARAGRAPH.repeat(14);
    items.push(`<item>
<title>${escape(title)}</title>
<guid isPermaLink="false">daily-signal-${index + 1}</guid>
<pubDate>${date.toUTCString()}</pubDate>
<itunes:duration>${40 + (index % 30)}:${String(index % 60).padStart(2, "0")}</itunes:duration>
<itunes:episode>${index + 1}</itunes:episode>
<enclosure url="https://media.example.org/daily/${index + 1}.mp3" length="${30_000_000 + index}" type="audio/mpeg"/>
<description>${escape(description.slice(0, 300))}</description>
<content:encoded><![CDATA[<p>${description}</p><p><a href="https://example.org/${index + 1}">Sources</a></p>]]></content:encoded>
</item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>The Daily Signal</title><link>https://example.org/</link><description>A daily show.</description>
${items.join("\n")}
</channel></rss>`;
}
