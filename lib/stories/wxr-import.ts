// Bringing a WordPress site over (docs/decisions/0009): a dry-run report first, then one transaction, so a failure
// leaves nothing half-way; WordPress ids make a second run update, never duplicate.
import "server-only";
import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { invalidate } from "@/lib/cache/invalidate";
import { STORY_LISTS, storyPages } from "@/lib/cache/tags";
import { prisma, Prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { refreshSearchTerms } from "@/lib/search/indexing";
import { sanitizeNotesHtml } from "@/lib/text/html";
import { slugify } from "@/lib/text/slug";
import { STORY_LIMITS } from "@/lib/validations/story";
import { slugPicker, upsertLabels } from "./naming";
import { paragraphs, readWxrFile, WxrError, type WxrDocument, type WxrPost } from "./wxr";
import { assertStaff, type Admin } from "@/lib/auth/staff";
import { cutText, postgresSafe } from "@/lib/text/safe-text";

const BATCH = 500;
const COMMENT_MAX = 10_000;
const IMPORT_TIMEOUT_MS = 30 * 60_000;

export interface WxrReport {
  site: { title: string; url: string };
  stories: { create: number; update: number };
  pages: number;
  drafts: number;
  scheduled: number;
  categories: number;
  tags: number;
  authors: number;
  comments: { create: number; existing: number };
  featuredImages: number;
  passedOver: Record<string, number>;
  warnings: string[];
}

export interface WxrImportResult {
  created: number;
  updated: number;
  comments: number;
}

function storyStatus(post: WxrPost): "DRAFT" | "PUBLISHED" {
  return post.status === "publish" || post.status === "future" ? "PUBLISHED" : "DRAFT";
}

async function existingPosts(ids: number[]): Promise<Map<number, { id: string; slug: string }>> {
  const rows = await prisma.story.findMany({ where: { wpPostId: { in: ids } }, select: { id: true, slug: true, wpPostId: true } });
  return new Map(rows.map((row) => [row.wpPostId!, { id: row.id, slug: row.slug }]));
}

/** The dry run: what an import of this document would do, with nothing written. */
export async function analyzeWxr(document: WxrDocument): Promise<WxrReport> {
  const existing = await existingPosts(document.posts.map((post) => post.id));
  const known = await prisma.comment.findMany({
    where: { story: { wpPostId: { in: [...existing.keys()] } }, wpCommentId: { not: null } },
    select: { wpCommentId: true, story: { select: { wpPostId: true } } },
  });
  const knownComments = new Set(known.map((row) => `${row.story!.wpPostId}:${row.wpCommentId}`));
  const comments = document.posts.flatMap((post) => post.comments.map((comment) => `${post.id}:${comment.id}`));
  const warnings: string[] = [];
  const untitled = document.posts.filter((post) => !post.title).length;
  if (untitled) warnings.push(`${untitled} post(s) have no title: they are imported as "Untitled".`);
  const tooLong = document.posts.filter((post) => post.contentHtml.length > STORY_LIMITS.body).length;
  if (tooLong) warnings.push(`${tooLong} post(s) are longer than ${STORY_LIMITS.body} characters: they are passed over.`);
  const missingImages = document.posts.filter((post) => post.thumbnailId !== null && !document.attachments.has(post.thumbnailId)).length;
  if (missingImages) warnings.push(`${missingImages} featured image(s) are not in the file: those stories get none.`);
  return {
    site: { title: document.siteTitle, url: document.siteUrl },
    stories: { create: document.posts.filter((post) => !existing.has(post.id)).length, update: document.posts.filter((post) => existing.has(post.id)).length },
    pages: document.posts.filter((post) => post.type === "page").length,
    drafts: document.posts.filter((post) => storyStatus(post) === "DRAFT").length,
    scheduled: document.posts.filter((post) => post.status === "future").length,
    categories: new Set(document.posts.flatMap((post) => post.categories.map((term) => term.slug || slugify(term.name)))).size,
    tags: new Set(document.posts.flatMap((post) => post.tags.map((term) => term.slug || slugify(term.name)))).size,
    authors: new Set(document.posts.map((post) => post.authorLogin).filter(Boolean)).size,
    comments: { create: comments.filter((key) => !knownComments.has(key)).length, existing: comments.filter((key) => knownComments.has(key)).length },
    featuredImages: document.posts.filter((post) => post.thumbnailId !== null && document.attachments.has(post.thumbnailId)).length,
    passedOver: document.passedOver,
    warnings,
  };
}

type Tx = Prisma.TransactionClient;

/** A slug for every post: an imported one keeps its own; a new one gets WordPress's when free, else a numbered one. */
async function assignSlugs(tx: Tx, posts: WxrPost[], existing: Map<number, { slug: string }>): Promise<Map<number, string>> {
  const pick = await slugPicker(tx);
  return new Map(posts.map((post) => [post.id, existing.get(post.id)?.slug ?? pick(post.slug || post.title)]));
}

/** Imports a parsed export: all of it or, on any error, none of it. */
export async function importWxr(document: WxrDocument, onProgress: (done: number, total: number) => void = () => {}): Promise<WxrImportResult> {
  const posts = document.posts.filter((post) => post.contentHtml.length <= STORY_LIMITS.body);
  const total = posts.length;
  const started = new Date();
  const result = await prisma.$transaction(
    async (tx) => {
      const existing = await existingPosts(posts.map((post) => post.id));
      const slugs = await assignSlugs(tx, posts, existing);
      const categoryIds = await upsertLabels(
        tx,
        "Category",
        posts.flatMap((post) => post.categories),
      );
      const tagIds = await upsertLabels(
        tx,
        "Tag",
        posts.flatMap((post) => post.tags),
      );
      let created = 0;
      let commentCount = 0;
      for (let start = 0; start < posts.length; start += BATCH) {
        const batch = posts.slice(start, start + BATCH);
        const rows = batch.map((post) => ({
          id: existing.get(post.id)?.id ?? `wp${randomUUID().replaceAll("-", "")}`,
          wpPostId: post.id,
          slug: slugs.get(post.id)!,
          title: post.title || "Untitled",
          dek: post.excerpt,
          body: sanitizeNotesHtml(paragraphs(post.contentHtml)),
          authorName: document.authors.get(post.authorLogin) ?? post.authorLogin,
          status: storyStatus(post),
          kind: post.type === "page" ? ("PAGE" as const) : ("ARTICLE" as const),
          publishedAt: post.date,
          heroImageUrl: post.thumbnailId !== null ? (document.attachments.get(post.thumbnailId) ?? null) : null,
        }));
        const fresh = rows.filter((row) => !existing.has(row.wpPostId));
        await tx.story.createMany({ data: fresh.map((row) => ({ ...row, bodyFormat: "HTML" as const })) });
        created += fresh.length;
        const updates = rows.filter((row) => existing.has(row.wpPostId));
        if (updates.length) {
          await tx.$executeRaw`
            UPDATE "Story" s SET "title" = u.title, "dek" = u.dek, "body" = u.body, "bodyFormat" = 'HTML', "authorName" = u."authorName",
              "status" = u.status::"StoryStatus", "kind" = u.kind::"StoryKind", "publishedAt" = u."publishedAt"::timestamp, "heroImageUrl" = u."heroImageUrl", "updatedAt" = now()
            FROM jsonb_to_recordset(${JSON.stringify(postgresSafe(updates))}::jsonb)
              AS u(id text, title text, dek text, body text, "authorName" text, status text, kind text, "publishedAt" text, "heroImageUrl" text)
            WHERE s."id" = u.id`;
        }
        const ids = rows.map((row) => row.id);
        await tx.storyCategory.deleteMany({ where: { storyId: { in: ids } } });
        await tx.storyTag.deleteMany({ where: { storyId: { in: ids } } });
        await tx.storyCategory.createMany({
          data: batch.flatMap((post, index) =>
            [...new Set(post.categories.map((term) => categoryIds.get(slugify(term.slug || term.name))!))].map((categoryId) => ({
              storyId: rows[index]!.id,
              categoryId,
            })),
          ),
          skipDuplicates: true,
        });
        await tx.storyTag.createMany({
          data: batch.flatMap((post, index) =>
            [...new Set(post.tags.map((term) => tagIds.get(slugify(term.slug || term.name))!))].map((tagId) => ({ storyId: rows[index]!.id, tagId })),
          ),
          skipDuplicates: true,
        });
        commentCount += await importComments(
          tx,
          batch.map((post, index) => ({ post, storyId: rows[index]!.id })),
        );
        onProgress(Math.min(start + BATCH, total), total);
      }
      return { created, updated: total - created, comments: commentCount };
    },
    { timeout: IMPORT_TIMEOUT_MS, maxWait: 10_000 },
  );
  // The story lists and the pages of the stories it rewrote are rendered afresh on every instance (lib/cache).
  const rewritten = await prisma.story.findMany({ where: { updatedAt: { gte: started } }, select: { slug: true } });
  await invalidate([STORY_LISTS, ...rewritten.flatMap((story) => storyPages(story.slug))]);
  return result;
}

/** Approved comments, two levels deep: a reply to a reply hangs under its thread; one with an unapproved parent starts one. */
async function importComments(tx: Tx, posts: { post: WxrPost; storyId: string }[]): Promise<number> {
  const known = await tx.comment.findMany({
    where: { storyId: { in: posts.map((entry) => entry.storyId) }, wpCommentId: { not: null } },
    select: { id: true, storyId: true, wpCommentId: true },
  });
  const ours = new Map(known.map((row) => [`${row.storyId}:${row.wpCommentId}`, row.id]));
  const imported = new Set(ours.keys());
  const rows: Prisma.CommentCreateManyInput[] = [];
  for (const { post, storyId } of posts) {
    const byId = new Map(post.comments.map((comment) => [comment.id, comment]));
    const threadRoot = (id: number): number => {
      let current = byId.get(id)!;
      for (let depth = 0; current.parentId && byId.has(current.parentId) && depth < 1000; depth += 1) current = byId.get(current.parentId)!;
      return current.id;
    };
    const ordered = [...post.comments].sort((a, b) => a.date.getTime() - b.date.getTime());
    for (const comment of ordered) {
      const key = `${storyId}:${comment.id}`;
      if (!ours.has(key)) ours.set(key, `wp${randomUUID().replaceAll("-", "")}`);
    }
    for (const comment of ordered) {
      const key = `${storyId}:${comment.id}`;
      if (imported.has(key)) continue;
      const root = comment.parentId && byId.has(comment.parentId) ? threadRoot(comment.id) : comment.id;
      rows.push({
        id: ours.get(key)!,
        storyId,
        wpCommentId: comment.id,
        parentId: root === comment.id ? null : ours.get(`${storyId}:${root}`)!,
        guestName: comment.author || "Anonymous",
        body: cutText(comment.text, COMMENT_MAX),
        status: "APPROVED",
        createdAt: comment.date,
      });
    }
  }
  // Parents first: a thread's first comment is older than its replies, and the rows are sorted by date per story.
  const roots = rows.filter((row) => !row.parentId);
  const replies = rows.filter((row) => row.parentId);
  for (const group of [roots, replies]) {
    for (let start = 0; start < group.length; start += 2000) await tx.comment.createMany({ data: group.slice(start, start + 2000), skipDuplicates: true });
  }
  return rows.length;
}

/** Where uploaded exports wait between their dry run and their import. */
export function importsDirectory(): string {
  return path.resolve(getEnv().SHOWFRONT_DATA_DIR, "imports");
}

/** Keeps an uploaded export on disk and records its dry-run report; a file that cannot be read is deleted again. */
export async function stageWxrUpload(upload: { name: string; stream: ReadableStream<Uint8Array> }): Promise<{ id: string; report: WxrReport }> {
  await mkdir(importsDirectory(), { recursive: true });
  const filePath = path.join(importsDirectory(), `${randomUUID()}.xml`);
  await pipeline(Readable.fromWeb(upload.stream as import("node:stream/web").ReadableStream<Uint8Array>), createWriteStream(filePath));
  try {
    const report = await analyzeWxr(await readWxrFile(filePath));
    const { size } = await stat(filePath);
    const row = await prisma.wxrImport.create({
      data: {
        fileName: cutText(upload.name, 200),
        filePath,
        sizeBytes: BigInt(size),
        report: report as unknown as Prisma.InputJsonValue,
        total: report.stories.create + report.stories.update,
      },
      select: { id: true },
    });
    return { id: row.id, report };
  } catch (error) {
    await rm(filePath, { force: true });
    throw error;
  }
}

const PROGRESS_EVERY_MS = 500;

export async function markWxrImportQueued(importId: string): Promise<void> {
  await prisma.wxrImport.updateMany({ where: { id: importId, status: { in: ["ANALYZED", "FAILED"] } }, data: { status: "QUEUED" } });
}

/** Imports a staged export (the admin's "Import", in a job when jobs run); its row shows progress, then the outcome. */
export async function runWxrImport(importId: string): Promise<void> {
  const claimed = await prisma.wxrImport.updateMany({
    where: { id: importId, status: { in: ["ANALYZED", "QUEUED", "FAILED"] } },
    data: { status: "IMPORTING", done: 0, error: null },
  });
  if (claimed.count === 0) return;
  const row = await prisma.wxrImport.findUniqueOrThrow({ where: { id: importId }, select: { filePath: true } });
  let reported = 0;
  try {
    const result = await importWxr(await readWxrFile(row.filePath), (done, total) => {
      if (Date.now() - reported < PROGRESS_EVERY_MS && done < total) return;
      reported = Date.now();
      void prisma.wxrImport.update({ where: { id: importId }, data: { done, total } }).catch(() => {});
    });
    await prisma.wxrImport.update({
      where: { id: importId },
      data: { status: "DONE", done: result.created + result.updated, finishedAt: new Date(), error: null },
    });
    await rm(row.filePath, { force: true });
    await refreshSearchTerms();
  } catch (error) {
    const message =
      error instanceof WxrError ? error.message : `The import stopped and nothing was kept: ${error instanceof Error ? error.message : String(error)}`;
    await prisma.wxrImport.update({ where: { id: importId }, data: { status: "FAILED", error: message.slice(0, 2000), finishedAt: new Date() } });
    if (!(error instanceof WxrError)) throw error;
  }
}

export async function getWxrImport(admin: Admin, id: string) {
  assertStaff(admin, "ADMIN");
  return prisma.wxrImport.findUnique({
    where: { id },
    select: { id: true, fileName: true, sizeBytes: true, status: true, report: true, done: true, total: true, error: true, createdAt: true, finishedAt: true },
  });
}

export async function listWxrImports(admin: Admin) {
  assertStaff(admin, "ADMIN");
  return prisma.wxrImport.findMany({
    orderBy: { createdAt: "desc" },
    take: 20,
    select: { id: true, fileName: true, status: true, createdAt: true, total: true },
  });
}
