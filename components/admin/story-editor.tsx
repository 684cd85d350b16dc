"use client";

import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { noSubscription } from "@/components/ui/browser-values";
import { previewStoryAction, saveStoryAction } from "@/lib/stories/actions";
import { formatClock } from "@/lib/text/format";
import type { ActionState } from "@/lib/action-state";

export interface StoryEditorValues {
  id?: string;
  slug: string;
  title: string;
  dek: string;
  body: string;
  authorName: string;
  status: "DRAFT" | "PUBLISHED";
  kind: "ARTICLE" | "PAGE";
  /** ISO time, shown in the editor's own time zone. */
  publishedAt: string | null;
  categories: string[];
  tags: string[];
  heroImageUrl: string;
  heroAlt: string;
  heroCaption: string;
  heroCredit: string;
  audioUrl: string;
  episodes: { slug: string; startSeconds: number | null }[];
  /** Written stories are Markdown; imported ones stay HTML. */
  bodyFormat: "MARKDOWN" | "HTML";
}

export interface StoryEditorProps {
  story: StoryEditorValues;
  initialPreview: string;
}

const input = "mt-1 block w-full rounded-md border border-gray-300 px-3 py-1.5 font-normal";
const PREVIEW_DELAY_MS = 300;

function localDateTime(iso: string | null, inBrowserZone: boolean): string {
  if (!iso) return "";
  const date = new Date(iso);
  const offset = inBrowserZone ? date.getTimezoneOffset() : 0;
  return new Date(date.getTime() - offset * 60_000).toISOString().slice(0, 16);
}

function Field({ label, name, errors, children }: { label: string; name: string; errors?: Record<string, string[] | undefined>; children: React.ReactNode }) {
  const messages = errors?.[name];
  return (
    <label className="block text-sm font-semibold">
      {label}
      {children}
      {messages?.length ? (
        <span id={`${name}-error`} className="mt-1 block font-normal text-red-700">
          {messages.join(" ")}
        </span>
      ) : null}
    </label>
  );
}

/** Markdown on the left, the page's own rendering on the right; works as a plain form without JavaScript. */
export function StoryEditor({ story, initialPreview }: StoryEditorProps) {
  const [state, formAction, pending] = useActionState<ActionState | undefined, FormData>(saveStoryAction, undefined);
  const [body, setBody] = useState(story.body);
  const [preview, setPreview] = useState(initialPreview);
  const offset = useSyncExternalStore(
    noSubscription,
    () => new Date().getTimezoneOffset(),
    () => 0,
  );
  const latest = useRef(0);
  const publishAt = useRef<HTMLInputElement>(null);
  // Without JavaScript the time is shown and read as UTC; with it, in the editor's own time zone.
  useEffect(() => {
    if (publishAt.current) publishAt.current.value = localDateTime(story.publishedAt, true);
  }, [story.publishedAt]);
  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(async () => {
      const html = await previewStoryAction(body, story.bodyFormat);
      if (request === latest.current) setPreview(html);
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [body, story.bodyFormat]);
  const errors = state?.fieldErrors;
  return (
    <form action={formAction} className="space-y-5">
      {story.id ? <input type="hidden" name="id" value={story.id} /> : null}
      <input type="hidden" name="timezoneOffset" value={offset} />
      <Field label="Headline" name="title" errors={errors}>
        <input name="title" required maxLength={300} defaultValue={story.title} className={input} />
      </Field>
      <Field label="Dek (the line under the headline)" name="dek" errors={errors}>
        <input name="dek" maxLength={600} defaultValue={story.dek} className={input} />
      </Field>
      <div className="grid gap-4 md:grid-cols-3">
        <Field label="Slug (the address; empty: from the headline)" name="slug" errors={errors}>
          <input name="slug" maxLength={80} defaultValue={story.slug} pattern="[a-z0-9]+(-[a-z0-9]+)*" className={input} />
        </Field>
        <Field label="Byline" name="authorName" errors={errors}>
          <input name="authorName" maxLength={200} defaultValue={story.authorName} className={input} />
        </Field>
        <Field label="Kind" name="kind" errors={errors}>
          <select name="kind" defaultValue={story.kind} className={input}>
            <option value="ARTICLE">Story</option>
            <option value="PAGE">Page (not listed)</option>
          </select>
        </Field>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Field label={story.bodyFormat === "HTML" ? "Body (HTML)" : "Body (Markdown)"} name="body" errors={errors}>
          <textarea name="body" rows={24} value={body} onChange={(event) => setBody(event.target.value)} className={`${input} font-mono text-sm`} />
        </Field>
        <section aria-label="Preview" className="text-sm">
          <p className="font-semibold">Preview</p>
          <div
            className="prose-content mt-1 max-h-[36rem] overflow-auto rounded-md bg-white p-4 ring-1 ring-black/10"
            dangerouslySetInnerHTML={{ __html: preview }}
          />
        </section>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Categories (comma-separated)" name="categories" errors={errors}>
          <input name="categories" defaultValue={story.categories.join(", ")} className={input} />
        </Field>
        <Field label="Tags (comma-separated)" name="tags" errors={errors}>
          <input name="tags" defaultValue={story.tags.join(", ")} className={input} />
        </Field>
      </div>
      <fieldset className="space-y-3 rounded-md border border-gray-300 p-4">
        <legend className="px-1 text-sm font-semibold">Hero image</legend>
        <Field label="Upload an image (JPEG, PNG, WebP, AVIF; up to 10 MB)" name="heroImage" errors={errors}>
          <input name="heroImage" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" className="mt-1 block text-sm font-normal" />
        </Field>
        <Field label="…or its address" name="heroImageUrl" errors={errors}>
          <input name="heroImageUrl" defaultValue={story.heroImageUrl} className={input} />
        </Field>
        <div className="grid gap-4 md:grid-cols-3">
          <Field label="Description for screen readers" name="heroAlt" errors={errors}>
            <input name="heroAlt" maxLength={300} defaultValue={story.heroAlt} className={input} />
          </Field>
          <Field label="Caption" name="heroCaption" errors={errors}>
            <input name="heroCaption" maxLength={500} defaultValue={story.heroCaption} className={input} />
          </Field>
          <Field label="Credit" name="heroCredit" errors={errors}>
            <input name="heroCredit" maxLength={200} defaultValue={story.heroCredit} className={input} />
          </Field>
        </div>
      </fieldset>
      <fieldset className="space-y-3 rounded-md border border-gray-300 p-4">
        <legend className="px-1 text-sm font-semibold">Listen</legend>
        <Field label="Linked episodes: one slug or address per line, optionally “@ 12:34” for the moment" name="episodes" errors={errors}>
          <textarea
            name="episodes"
            rows={3}
            defaultValue={story.episodes.map((link) => (link.startSeconds != null ? `${link.slug} @ ${formatClock(link.startSeconds)}` : link.slug)).join("\n")}
            className={`${input} font-mono text-sm`}
          />
        </Field>
        <Field label="…or the story's own audio file (address)" name="audioUrl" errors={errors}>
          <input name="audioUrl" defaultValue={story.audioUrl} className={input} />
        </Field>
      </fieldset>
      <div className="flex flex-wrap items-end gap-4">
        <Field label="Status" name="status" errors={errors}>
          <select name="status" defaultValue={story.status} className={input}>
            <option value="DRAFT">Draft</option>
            <option value="PUBLISHED">Published (or scheduled, when the time is ahead)</option>
          </select>
        </Field>
        <Field label="Publish time (empty: now)" name="publishAt" errors={errors}>
          <input ref={publishAt} name="publishAt" type="datetime-local" defaultValue={localDateTime(story.publishedAt, false)} className={input} />
        </Field>
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-accent-dark disabled:opacity-60"
        >
          {pending ? "Saving…" : "Save"}
        </button>
      </div>
      <p aria-live="polite" className={`text-sm ${state?.ok ? "text-green-800" : "text-red-700"}`}>
        {state?.message ?? (state?.fieldErrors ? "Some fields need a look." : null)}
      </p>
    </form>
  );
}
