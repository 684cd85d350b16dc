// Stories: related lists on a site with 5,000 episodes (with transcripts) and 10,000 stories, and a WordPress
// export of 5,000 posts with 50,000 comments read and imported.
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createTemporaryDatabase } from "@/lib/database/admin";
import { applyMigrations } from "@/lib/database/migrations";
import { prisma, setDatabaseUrl } from "@/lib/db";
import { relatedEpisodes, relatedStories } from "@/lib/search/related";
import { refreshSearchTerms } from "@/lib/search/indexing";
import { readWxrFile } from "@/lib/stories/wxr";
import { analyzeWxr, importWxr } from "@/lib/stories/wxr-import";
import { fmt, percentile, type Row } from "./common";
import { seedSearchCorpus } from "./search-feeds";

const POSTS = 5000;
const COMMENTS_PER_POST = 10;
const TOPICS = ["bridges", "buses", "housing", "water", "schools", "ports", "rail", "zoning", "energy", "parks"];

function cdata(text: string) {
  return `<![CDATA[${text.replaceAll("]]>", "]]]]><![CDATA[>")}]]>`;
}

function exportXml(): string {
  const items: string[] = [];
  for (let post = 1; post <= POSTS; post += 1) {
    const topic = TOPICS[post % TOPICS.length]!;
    const comments = Array.from({ length: COMMENTS_PER_POST }, (_, index) => {
      const id = post * 100 + index;
      const parent = index % 3 === 0 ? 0 : id - 1;
      return `<wp:comment><wp:comment_id>${id}</wp:comment_id><wp:comment_author>${cdata(`Reader ${index}`)}</wp:comment_author><wp:comment_date_gmt>2024-06-18 1${index % 10}:00:00</wp:comment_date_gmt><wp:comment_content>${cdata(`On ${topic}: I have seen this too, comment ${index}.`)}</wp:comment_content><wp:comment_approved>1</wp:comment_approved><wp:comment_type>comment</wp:comment_type><wp:comment_parent>${parent}</wp:comment_parent></wp:comment>`;
    }).join("");
    items.push(
      `<item><title>${cdata(`Post ${post} about ${topic}`)}</title><dc:creator>editor</dc:creator><content:encoded>${cdata(`The ${topic} story, part ${post}.\n\n`.repeat(40))}</content:encoded><excerpt:encoded>${cdata(`About ${topic}.`)}</excerpt:encoded><wp:post_id>${post}</wp:post_id><wp:post_date_gmt>2023-01-01 00:00:00</wp:post_date_gmt><wp:post_name>post-${post}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type><category domain="category" nicename="${topic}">${cdata(topic)}</category><category domain="post_tag" nicename="tag-${post % 50}">${cdata(`Tag ${post % 50}`)}</category>${comments}</item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Bench site</title><link>https://bench.example</link><wp:author><wp:author_login>editor</wp:author_login><wp:author_display_name>The Editor</wp:author_display_name></wp:author>${items.join("")}</channel></rss>`;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

export async function storyBenchmarks(postgresServerUrl: string, log: (message: string) => void): Promise<Row[]> {
  const related = await createTemporaryDatabase(postgresServerUrl, "showfront_bench_related");
  await applyMigrations(related.url);
  setDatabaseUrl(related.url);
  const relatedTimes: number[] = [];
  try {
    await seedSearchCorpus(log);
    await refreshSearchTerms();
    const episodes = await prisma.episode.findMany({ select: { id: true, showId: true }, orderBy: { id: "asc" }, take: 100 });
    const stories = await prisma.story.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 100 });
    const sources = [
      ...episodes.map((row) => ({ kind: "EPISODE" as const, id: row.id, showId: row.showId })),
      ...stories.map((row) => ({ kind: "STORY" as const, id: row.id })),
    ];
    log(`Related lists for ${sources.length} items (both lists of each, as a page asks), after one warm-up pass`);
    for (const source of sources) await Promise.all([relatedEpisodes(source), relatedStories(source)]);
    for (const source of sources) relatedTimes.push(await timed(() => Promise.all([relatedEpisodes(source), relatedStories(source)])));
  } finally {
    await prisma.$disconnect();
  }

  const database = await createTemporaryDatabase(postgresServerUrl, "showfront_bench_wxr");
  await applyMigrations(database.url);
  setDatabaseUrl(database.url);
  const folder = await mkdtemp(path.join(tmpdir(), "showfront-bench-wxr-"));
  try {
    const file = path.join(folder, "export.xml");
    await writeFile(file, exportXml());
    const size = (await stat(file)).size;
    log(`Importing a WordPress export: ${POSTS} posts, ${POSTS * COMMENTS_PER_POST} comments, ${(size / 1024 / 1024).toFixed(0)} MB`);
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    let counts = { created: 0, comments: 0 };
    const readMs = await timed(async () => analyzeWxr(await readWxrFile(file)));
    const importMs = await timed(async () => (counts = await importWxr(await readWxrFile(file))));
    const againMs = await timed(async () => importWxr(await readWxrFile(file)));
    clearInterval(sampler);
    const stored = { stories: await prisma.story.count(), comments: await prisma.comment.count() };
    return [
      {
        name: "Related episodes + related stories of one item, 5,000 episodes and 10,000 stories: p50 / p99 over 200 items",
        value: `${fmt(percentile(relatedTimes, 50))} / ${fmt(percentile(relatedTimes, 99))}`,
        target: "p99 < 20 ms",
        pass: percentile(relatedTimes, 99) < 20,
      },
      { name: `WordPress export (${(size / 1024 / 1024).toFixed(0)} MB): read + dry-run report`, value: fmt(readMs), target: "—", pass: undefined },
      {
        name: `Import of ${POSTS} posts with ${POSTS * COMMENTS_PER_POST} comments (one transaction)`,
        value: `${fmt(importMs)} (${counts.created} stories, ${counts.comments} comments)`,
        target: "—",
        pass: counts.created === POSTS && counts.comments === POSTS * COMMENTS_PER_POST,
      },
      {
        name: "The same file imported again (updates, no duplicates)",
        value: `${fmt(againMs)}; ${stored.stories} stories, ${stored.comments} comments stored`,
        target: "no duplicates",
        pass: stored.stories === POSTS && stored.comments === POSTS * COMMENTS_PER_POST,
      },
      { name: "Peak memory (RSS) of the importing process", value: `${(peak / 1024 / 1024).toFixed(0)} MB`, target: "—", pass: undefined },
    ];
  } finally {
    await rm(folder, { recursive: true, force: true });
    await prisma.$disconnect();
  }
}
