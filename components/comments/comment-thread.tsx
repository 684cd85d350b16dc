"use client";

import { useActionState, useCallback, useEffect, useRef, useState } from "react";
import { answerLine, type ActionState } from "@/lib/action-state";
import { closeCommentsAction, commentAction, editCommentAction, postCommentAction } from "@/lib/comments/actions";
import { usePlayer, type PlayerEpisode } from "@/components/player/player-provider";
import type { CommentPage, ThreadComment } from "@/lib/comments/comments";
import { EDIT_MINUTES } from "@/lib/validations/comments";
import { COMMENT_CARD, CommentBody, CommentHeader, REPLY_INDENT } from "./comment-parts";
import { formatClock } from "@/lib/text/format";
import { Honeypot } from "@/components/ui/honeypot";

type Order = "oldest" | "newest" | "top";
interface ViewerState {
  viewer: { id: string; name: string; role: "READER" | "MODERATOR" | "ADMIN"; banned: boolean; nameChosen: boolean } | null;
  liked: string[];
  waiting: ThreadComment[];
}

export interface CommentThreadProps {
  kind: "episode" | "story";
  slug: string;
  path: string;
  initial: CommentPage;
  /** The episode, so a comment's moment can play it from there. */
  episode?: PlayerEpisode;
}

const BUTTON = "text-sm font-semibold text-accent-dark hover:underline disabled:opacity-50";

/**
 * The interactive thread under an episode or story, loaded when the section comes near (LazyCommentThread): it
 * reads the thread fresh together with the reader's own state (who they are, their likes, their comments waiting
 * for a moderator), so the cached page itself stays the same for everyone.
 */
export function CommentThread({ kind, slug, path, initial, episode }: CommentThreadProps) {
  const [page, setPage] = useState(initial);
  const [order, setOrder] = useState<Order>("oldest");
  const [pageNumber, setPageNumber] = useState(1);
  const [state, setState] = useState<ViewerState>({ viewer: null, liked: [], waiting: [] });
  const query = `kind=${kind}&slug=${encodeURIComponent(slug)}`;

  const refresh = useCallback(
    async (nextOrder: Order = order, pages = 1) => {
      const loaded: ThreadComment[] = [];
      let last: CommentPage | undefined;
      for (let number = 1; number <= pages; number += 1) {
        const response = await fetch(`/api/comments?${query}&order=${nextOrder}&page=${number}`, { cache: "no-store" });
        last = (await response.json()) as CommentPage;
        loaded.push(...last.comments);
      }
      if (last) setPage({ ...last, comments: loaded });
      const viewer = await fetch(`/api/comments/viewer?${query}`, { cache: "no-store" });
      if (viewer.ok) setState((await viewer.json()) as ViewerState);
    },
    [order, query],
  );

  // Mounted when the section comes near: the page's copy may be a cached one from a minute ago, so the thread is
  // read again at once, with the reader's state.
  const refreshOnce = useRef(refresh);
  useEffect(() => {
    void refreshOnce.current("oldest", 1);
  }, []);

  // The moments the thread's comments are about, marked on the player's timeline for this episode.
  const { showCommentMoments } = usePlayer();
  useEffect(() => {
    if (!episode) return;
    const all = [...page.comments.flatMap((comment) => [comment, ...comment.replies]), ...state.waiting];
    showCommentMoments(episode.slug, [...new Set(all.flatMap((comment) => (comment.momentSeconds === null ? [] : [comment.momentSeconds])))]);
  }, [episode, page, state.waiting, showCommentMoments]);

  const context = { kind, slug, path, episode, state, refresh: () => refresh(order, pageNumber) };
  return (
    <div>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted">{page.total === 1 ? "1 comment" : `${page.total} comments`}</p>
        <label className="text-sm">
          Order{" "}
          <select
            value={order}
            onChange={(event) => {
              const next = event.target.value as Order;
              setOrder(next);
              setPageNumber(1);
              void refresh(next, 1);
            }}
            className="rounded-md border border-gray-300 bg-white px-2 py-1"
          >
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
            <option value="top">Most liked</option>
          </select>
        </label>
      </div>
      {page.comments.length === 0 && state.waiting.length === 0 ? <p className="text-muted">No comments yet.</p> : null}
      <ol className="space-y-4">
        {page.comments.map((comment) => (
          <li key={comment.id}>
            <CommentItem comment={comment} {...context} />
          </li>
        ))}
        {state.waiting.map((comment) => (
          <li key={comment.id}>
            <CommentItem comment={comment} waiting {...context} />
          </li>
        ))}
      </ol>
      {page.more ? (
        <button
          type="button"
          className="mt-4 rounded-full px-4 py-2 font-semibold ring-1 ring-black/10 hover:bg-white"
          onClick={() => {
            setPageNumber(pageNumber + 1);
            void refresh(order, pageNumber + 1);
          }}
        >
          Load more comments
        </button>
      ) : null}
      <div className="mt-6">
        {page.closed ? (
          <p className="rounded-md bg-gray-100 p-3 text-sm">Comments are closed.</p>
        ) : state.viewer && !state.viewer.banned ? (
          <CommentForm {...context} />
        ) : state.viewer?.banned ? (
          <p className="text-sm text-muted">Your account can no longer comment here.</p>
        ) : (
          <p>
            <a href={`/signin?callbackUrl=${encodeURIComponent(`${path}#comments`)}`} className="font-semibold underline">
              Sign in to comment
            </a>
          </p>
        )}
        {state.viewer && state.viewer.role !== "READER" ? <CloseToggle {...context} closed={page.closed} /> : null}
      </div>
    </div>
  );
}

type Context = Omit<CommentThreadProps, "initial"> & { state: ViewerState; refresh: () => Promise<void> };

function CommentForm({ kind, slug, episode, state, refresh, parentId, onDone }: Context & { parentId?: string; onDone?: () => void }) {
  const player = usePlayer();
  const [shownAt] = useState(() => Date.now());
  const [result, action, pending] = useActionState(async (previous: ActionState | undefined, form: FormData) => {
    const answer = await postCommentAction(previous, form);
    if (answer.ok) {
      await refresh();
      onDone?.();
    }
    return answer;
  }, undefined);
  const moment = episode && player.episode?.slug === episode.slug ? Math.floor(player.currentTime) : undefined;
  const bodyError = result?.fieldErrors?.body?.[0];
  const nameError = result?.fieldErrors?.displayName?.[0];
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="shownAt" value={shownAt} />
      {parentId ? <input type="hidden" name="parentId" value={parentId} /> : null}
      <Honeypot />
      {state.viewer && !state.viewer.nameChosen ? (
        <label className="block text-sm font-semibold">
          Your name, as others see it
          <input
            name="displayName"
            required
            maxLength={40}
            defaultValue={result && !result.ok && result.values?.displayName !== undefined ? result.values.displayName : state.viewer.name}
            aria-invalid={nameError ? true : undefined}
            className="mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 font-normal"
          />
          <span className="mt-1 block text-xs font-normal text-muted">Never your e-mail address. You can change it on your account page.</span>
        </label>
      ) : null}
      {nameError ? <p className="text-sm text-red-700">{nameError}</p> : null}
      <label className="block text-sm font-semibold">
        {parentId ? "Your reply" : "Your comment"}
        <textarea
          key={result?.ok ? "sent" : "typing"}
          name="body"
          rows={parentId ? 3 : 4}
          maxLength={5000}
          required
          defaultValue={result && !result.ok ? result.values?.body : ""}
          aria-invalid={bodyError ? true : undefined}
          className="mt-1 block w-full rounded-md border border-gray-300 bg-white px-3 py-2 font-normal"
        />
      </label>
      {bodyError ? <p className="text-sm text-red-700">{bodyError}</p> : null}
      {moment !== undefined ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="momentSeconds" value={moment} /> About the moment at {formatClock(moment)}
        </label>
      ) : null}
      <div className="flex items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-accent-dark disabled:opacity-60"
        >
          {pending ? "Posting…" : parentId ? "Reply" : "Post comment"}
        </button>
        <p aria-live="polite" className={`text-sm ${result?.ok ? "text-green-800" : "text-red-700"}`}>
          {result?.message}
        </p>
      </div>
    </form>
  );
}

function CommentItem({ comment, waiting = false, reply = false, ...context }: Context & { comment: ThreadComment; waiting?: boolean; reply?: boolean }) {
  const player = usePlayer();
  const [mode, setMode] = useState<"none" | "reply" | "edit" | "report">("none");
  // The edit window is judged from when the comment was shown; the server judges it again on save.
  const [shownAt] = useState(() => Date.now());
  const [result, action, pending] = useActionState(async (previous: ActionState | undefined, form: FormData) => {
    const answer = form.get("do") === "edit" ? await editCommentAction(previous, form) : await commentAction(previous, form);
    if (answer.ok) {
      setMode("none");
      await context.refresh();
    }
    return answer;
  }, undefined);
  const viewer = context.state.viewer;
  const own = viewer !== null && comment.authorId === viewer.id;
  const editable = own && shownAt - Date.parse(comment.createdAt) < EDIT_MINUTES * 60_000;
  const liked = context.state.liked.includes(comment.id);
  const hidden = { commentId: comment.id };
  return (
    <article className={`${COMMENT_CARD} ${reply ? REPLY_INDENT : ""}`} aria-label={`Comment by ${comment.authorName}`}>
      <CommentHeader comment={comment} waiting={waiting} />
      {comment.momentSeconds !== null && context.episode ? (
        <button type="button" className={`${BUTTON} mt-1`} onClick={() => player.play(context.episode!, { startAt: comment.momentSeconds! })}>
          At {formatClock(comment.momentSeconds)}
        </button>
      ) : null}
      {mode === "edit" && !comment.deleted ? (
        <form action={action} className="mt-2 space-y-2">
          <input type="hidden" name="do" value="edit" />
          <input type="hidden" name="commentId" value={comment.id} />
          <label className="block text-sm font-semibold">
            Edit your comment
            <textarea
              name="body"
              rows={3}
              defaultValue={result && !result.ok && result.values?.body ? result.values.body : comment.body}
              className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 font-normal"
            />
          </label>
          <button type="submit" disabled={pending} className={BUTTON}>
            Save
          </button>
        </form>
      ) : (
        <CommentBody comment={comment} />
      )}
      {!comment.deleted && !waiting && viewer && !viewer.banned ? (
        <div className="mt-2 flex flex-wrap items-center gap-4">
          <form action={action}>
            <input type="hidden" name="do" value="like" />
            {Object.entries(hidden).map(([name, value]) => (
              <input key={name} type="hidden" name={name} value={value} />
            ))}
            <button type="submit" aria-pressed={liked} disabled={pending} className={BUTTON}>
              {liked ? "Liked" : "Like"} ({comment.likeCount})
            </button>
          </form>
          {!reply ? (
            <button type="button" className={BUTTON} onClick={() => setMode(mode === "reply" ? "none" : "reply")}>
              Reply
            </button>
          ) : null}
          {editable ? (
            <button type="button" className={BUTTON} onClick={() => setMode(mode === "edit" ? "none" : "edit")}>
              Edit
            </button>
          ) : null}
          {own ? (
            <form action={action}>
              <input type="hidden" name="do" value="delete" />
              {Object.entries(hidden).map(([name, value]) => (
                <input key={name} type="hidden" name={name} value={value} />
              ))}
              <button type="submit" className={BUTTON}>
                Delete
              </button>
            </form>
          ) : (
            <button type="button" className={BUTTON} onClick={() => setMode(mode === "report" ? "none" : "report")}>
              Report
            </button>
          )}
        </div>
      ) : comment.likeCount > 0 ? (
        <p className="mt-2 text-sm text-muted">{comment.likeCount === 1 ? "1 like" : `${comment.likeCount} likes`}</p>
      ) : null}
      {mode === "report" ? (
        <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="do" value="report" />
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <label className="text-sm font-semibold">
            What is wrong with it?
            <input name="reason" required maxLength={500} className="mt-1 block rounded-md border border-gray-300 px-2 py-1 font-normal" />
          </label>
          <button type="submit" className={BUTTON}>
            Send report
          </button>
        </form>
      ) : null}
      {answerLine(result) ? (
        <p aria-live="polite" className={`mt-1 text-sm ${result?.ok ? "text-green-800" : "text-red-700"}`}>
          {answerLine(result)}
        </p>
      ) : null}
      {mode === "reply" ? (
        <div className="mt-3">
          <CommentForm {...context} parentId={comment.id} onDone={() => setMode("none")} />
        </div>
      ) : null}
      {comment.replies.length ? (
        <ol className="mt-3 space-y-3">
          {comment.replies.map((child) => (
            <li key={child.id}>
              <CommentItem comment={child} reply {...context} />
            </li>
          ))}
        </ol>
      ) : null}
    </article>
  );
}

function CloseToggle({ kind, slug, closed }: Context & { closed: boolean }) {
  const [result, action] = useActionState(closeCommentsAction, undefined);
  return (
    <form action={action} className="mt-3 text-sm">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="closed" value={String(!closed)} />
      <button type="submit" className={BUTTON}>
        {closed ? "Open comments (moderator)" : "Close comments (moderator)"}
      </button>
      <span aria-live="polite" className="ml-2">
        {result?.message}
      </span>
    </form>
  );
}
