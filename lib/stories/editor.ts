// Writing stories in the admin: create and edit (the slug may change: the old one keeps redirecting), categories
// and tags by name, episodes linked at a moment, the related lists' pins and removals.
import "server-only";
import { AppError } from "@/lib/errors";
import { invalidate } from "@/lib/cache/invalidate";
import { episodePages, STORY_LISTS, storyPages } from "@/lib/cache/tags";
import { prisma, Prisma } from "@/lib/db";
import { relatedEpisodes, relatedStories } from "@/lib/search/related";
import { slugify, uniqueSlug } from "@/lib/text/slug";
import { requestSearchTermsRefresh } from "@/lib/jobs";
import type { ContentKind, StoryBodyFormat } from "@/lib/generated/prisma/enums";
import type { StoryForm } from "@/lib/validations/story";
import { upsertLabels } from "./naming";
import { storyBodyHtml } from "./stories";
import { assertStaff, type Admin } from "@/lib/auth/staff";

export type StoryState = "draft" | "scheduled" | "published";

export function storyState(story: { status: "DRAFT" | "PUBLISHED"; publishedAt: Date | null }, now = new Date()): StoryState {
  if (story.status === "DRAFT") return "draft";
  return story.publishedAt && story.publishedAt > now ? "scheduled" : "published";
}

type Transaction = Prisma.TransactionClient;

/** The slug a save may take: free, or this story's own (current or old). */
async function checkSlugFree(tx: Transaction, slug: string, storyId: string | undefined): Promise<void> {
  const [owner, redirect] = await Promise.all([
    tx.story.findUnique({ where: { slug }, select: { id: true } }),
    tx.storySlugRedirect.findUnique({ where: { slug }, select: { storyId: true } }),
  ]);
  if ((owner && owner.id !== storyId) || (redirect && redirect.storyId !== storyId)) {
    throw new AppError("conflict", `The address /stories/${slug} belongs to another story (now or before): choose another slug.`);
  }
}

export interface SavedStory {
  id: string;
  slug: string;
  /** Slugs whose pages changed: the new and, after a rename, the old one. */
  paths: string[];
  state: StoryState;
}

export interface SaveOptions {
  hero?: { url: string; srcset: string };
  now?: Date;
}

/** Creates (no id) or updates a story from the editor's validated form. */
export async function saveStory(form: StoryForm, options: SaveOptions = {}): Promise<SavedStory> {
  const now = options.now ?? new Date();
  const publishAt = form.publishAt && new Date(form.publishAt.getTime() + form.timezoneOffset * 60_000);
  const saved = await prisma.$transaction(async (tx) => {
    const existing = form.id
      ? await tx.story.findUnique({
          where: { id: form.id },
          select: { id: true, slug: true, publishedAt: true, heroImageUrl: true, heroImageSrcset: true, bodyFormat: true },
        })
      : null;
    if (form.id && !existing) throw new AppError("not-found", "That story no longer exists.");
    const slug =
      form.slug ??
      existing?.slug ??
      (await uniqueSlug(slugify(form.title), async (candidate) =>
        Boolean(
          (await tx.story.findUnique({ where: { slug: candidate }, select: { id: true } })) ??
          (await tx.storySlugRedirect.findUnique({ where: { slug: candidate } })),
        ),
      ));
    await checkSlugFree(tx, slug, existing?.id);

    const episodes = form.episodes.length
      ? await tx.episode.findMany({ where: { slug: { in: form.episodes.map((link) => link.slug) } }, select: { id: true, slug: true } })
      : [];
    const unknown = form.episodes.filter((link) => !episodes.some((episode) => episode.slug === link.slug));
    if (unknown.length) throw new AppError("not-found", `No episode has the address ${unknown.map((link) => `/episodes/${link.slug}`).join(", ")}.`);

    // Published with no date: now. A draft keeps the date it was given (or had) for when it is published.
    const publishedAt = publishAt ?? existing?.publishedAt ?? (form.status === "PUBLISHED" ? now : null);
    const hero =
      options.hero ??
      (form.heroImageUrl === existing?.heroImageUrl
        ? { url: existing?.heroImageUrl, srcset: existing?.heroImageSrcset }
        : { url: form.heroImageUrl, srcset: null });
    const fields = {
      slug,
      title: form.title,
      dek: form.dek,
      body: form.body,
      // An imported story stays HTML (edited as HTML); a written one is Markdown.
      bodyFormat: existing?.bodyFormat ?? "MARKDOWN",
      authorName: form.authorName,
      status: form.status,
      kind: form.kind,
      publishedAt,
      heroImageUrl: hero.url ?? null,
      heroImageSrcset: hero.srcset ?? null,
      heroAlt: form.heroAlt,
      heroCaption: form.heroCaption ?? null,
      heroCredit: form.heroCredit ?? null,
      audioUrl: form.audioUrl ?? null,
    };
    const story = existing
      ? await tx.story.update({ where: { id: existing.id }, data: fields, select: { id: true } })
      : await tx.story.create({ data: fields, select: { id: true } });

    if (existing && existing.slug !== slug) {
      await tx.storySlugRedirect.upsert({ where: { slug: existing.slug }, create: { slug: existing.slug, storyId: story.id }, update: { storyId: story.id } });
    }
    // A story that takes back an old slug of its own no longer redirects it.
    await tx.storySlugRedirect.deleteMany({ where: { slug, storyId: story.id } });

    const categoryIds = [
      ...(
        await upsertLabels(
          tx,
          "Category",
          form.categories.map((name) => ({ name })),
        )
      ).values(),
    ];
    const tagIds = [
      ...(
        await upsertLabels(
          tx,
          "Tag",
          form.tags.map((name) => ({ name })),
        )
      ).values(),
    ];
    await tx.storyCategory.deleteMany({ where: { storyId: story.id } });
    await tx.storyCategory.createMany({ data: categoryIds.map((categoryId) => ({ storyId: story.id, categoryId })) });
    await tx.storyTag.deleteMany({ where: { storyId: story.id } });
    await tx.storyTag.createMany({ data: tagIds.map((tagId) => ({ storyId: story.id, tagId })) });
    await tx.storyEpisode.deleteMany({ where: { storyId: story.id } });
    await tx.storyEpisode.createMany({
      data: form.episodes.map((link, position) => ({
        storyId: story.id,
        episodeId: episodes.find((episode) => episode.slug === link.slug)!.id,
        startSeconds: link.startSeconds ?? null,
        position,
      })),
    });
    return {
      id: story.id,
      slug,
      paths: [slug, ...(existing && existing.slug !== slug ? [existing.slug] : [])],
      state: storyState({ status: form.status, publishedAt }, now),
    };
  });
  await requestSearchTermsRefresh();
  await refreshStoryPages(saved.id, saved.paths);
  return saved;
}

/** After a story changed: its pages (and a renamed one's old address), the lists, and the pages it is related to. */
async function refreshStoryPages(storyId: string, slugs: string[]) {
  const source = { kind: "STORY", id: storyId } as const;
  const [linked, episodes, stories] = await Promise.all([
    prisma.storyEpisode.findMany({ where: { storyId }, select: { episode: { select: { slug: true } } } }),
    relatedEpisodes(source),
    relatedStories(source),
  ]);
  const episodeSlugs = [...linked.map((link) => link.episode.slug), ...episodes.map((episode) => episode.slug)];
  await invalidate([STORY_LISTS, ...slugs.flatMap(storyPages), ...stories.flatMap((story) => storyPages(story.slug)), ...episodeSlugs.flatMap(episodePages)]);
}

export async function deleteStory(id: string): Promise<string | null> {
  const linked = await prisma.storyEpisode.findMany({ where: { storyId: id }, select: { episode: { select: { slug: true } } } });
  const story = await prisma.story.delete({ where: { id }, select: { slug: true } }).catch(() => null);
  await prisma.relatedOverride.deleteMany({
    where: {
      OR: [
        { sourceKind: "STORY", sourceId: id },
        { targetKind: "STORY", targetId: id },
      ],
    },
  });
  if (story) await invalidate([STORY_LISTS, ...storyPages(story.slug), ...linked.flatMap((link) => episodePages(link.episode.slug))]);
  return story?.slug ?? null;
}

/** The editor's live preview: exactly what the page will show. */
export async function previewStoryBody(body: string, format: StoryBodyFormat = "MARKDOWN"): Promise<string> {
  return storyBodyHtml(body, format);
}

export const editorStorySelect = {
  id: true,
  slug: true,
  title: true,
  dek: true,
  body: true,
  bodyFormat: true,
  authorName: true,
  status: true,
  kind: true,
  publishedAt: true,
  heroImageUrl: true,
  heroAlt: true,
  heroCaption: true,
  heroCredit: true,
  audioUrl: true,
  categories: { select: { category: { select: { name: true } } } },
  tags: { select: { tag: { select: { name: true } } } },
  episodes: { select: { startSeconds: true, episode: { select: { id: true, slug: true, title: true } } }, orderBy: { position: "asc" } },
} satisfies Prisma.StorySelect;

export type EditorStory = Prisma.StoryGetPayload<{ select: typeof editorStorySelect }>;

export async function getStoryForEditor(admin: Admin, id: string): Promise<EditorStory | null> {
  assertStaff(admin, "ADMIN");
  return prisma.story.findUnique({ where: { id }, select: editorStorySelect });
}

export const ADMIN_STORIES_PER_PAGE = 50;

export async function listStoriesForAdmin(admin: Admin, filter: { q?: string; page: number }) {
  assertStaff(admin, "ADMIN");
  const where: Prisma.StoryWhereInput = filter.q ? { OR: [{ title: { contains: filter.q, mode: "insensitive" } }, { slug: { contains: filter.q } }] } : {};
  const [total, stories] = await Promise.all([
    prisma.story.count({ where }),
    prisma.story.findMany({
      where,
      select: { id: true, slug: true, title: true, status: true, kind: true, publishedAt: true, updatedAt: true, authorName: true },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * ADMIN_STORIES_PER_PAGE,
      take: ADMIN_STORIES_PER_PAGE,
    }),
  ]);
  return { total, stories, pageCount: Math.max(1, Math.ceil(total / ADMIN_STORIES_PER_PAGE)) };
}

async function findContent(kind: ContentKind, slug: string): Promise<string> {
  const found =
    kind === "EPISODE"
      ? await prisma.episode.findUnique({ where: { slug }, select: { id: true } })
      : await prisma.story.findUnique({ where: { slug }, select: { id: true } });
  if (!found) throw new AppError("not-found", `No ${kind === "EPISODE" ? "episode" : "story"} has the slug "${slug}".`);
  return found.id;
}

/** An editor pins (pinned true), hides (false) or returns to the ranking (null) one item of a page's related list. */
export async function setRelatedOverride(
  source: { kind: ContentKind; slug: string },
  target: { kind: ContentKind; slug: string },
  pinned: boolean | null,
): Promise<void> {
  const key = {
    sourceKind: source.kind,
    sourceId: await findContent(source.kind, source.slug),
    targetKind: target.kind,
    targetId: await findContent(target.kind, target.slug),
  };
  if (pinned === null) await prisma.relatedOverride.deleteMany({ where: key });
  else await prisma.relatedOverride.upsert({ where: { sourceKind_sourceId_targetKind_targetId: key }, create: { ...key, pinned }, update: { pinned } });
  // Only the page whose list this is shows the change.
  await invalidate(source.kind === "EPISODE" ? episodePages(source.slug) : storyPages(source.slug));
}

/** The overrides on one item's lists, for the editor. */
export async function listRelatedOverrides(admin: Admin, source: { kind: ContentKind; id: string }) {
  assertStaff(admin, "ADMIN");
  const overrides = await prisma.relatedOverride.findMany({ where: { sourceKind: source.kind, sourceId: source.id }, orderBy: { createdAt: "asc" } });
  const [episodes, stories] = await Promise.all([
    prisma.episode.findMany({
      where: { id: { in: overrides.filter((row) => row.targetKind === "EPISODE").map((row) => row.targetId) } },
      select: { id: true, slug: true, title: true },
    }),
    prisma.story.findMany({
      where: { id: { in: overrides.filter((row) => row.targetKind === "STORY").map((row) => row.targetId) } },
      select: { id: true, slug: true, title: true },
    }),
  ]);
  const items = new Map([...episodes, ...stories].map((item) => [item.id, item]));
  return overrides.flatMap((row) => {
    const item = items.get(row.targetId);
    return item ? [{ targetKind: row.targetKind, pinned: row.pinned, slug: item.slug, title: item.title }] : [];
  });
}
