"use client";

import { useActionState } from "react";
import { answerLine } from "@/lib/action-state";
import { moderateComments } from "@/lib/comments/moderation-actions";

export interface QueuedComment {
  id: string;
  body: string;
  status: string;
  heldReason: string | null;
  reports: string[];
  author: string;
  where: { href: string; title: string } | null;
  when: string;
}

const ACTIONS = [
  { value: "approve", label: "Approve" },
  { value: "spam", label: "Spam" },
  { value: "remove", label: "Remove" },
  { value: "ban", label: "Remove and ban author" },
] as const;

/** The queue: tick comments, then one button acts on all of them. Comment text is shown as text. */
export function ModerationForm({ comments }: { comments: QueuedComment[] }) {
  const [result, action, pending] = useActionState(moderateComments, undefined);
  return (
    <form action={action} className="space-y-4">
      <ul className="space-y-3">
        {comments.map((comment) => (
          <li key={comment.id} className="rounded-lg bg-white p-4 shadow-sm">
            <label className="flex items-start gap-3">
              <input type="checkbox" name="commentIds" value={comment.id} className="mt-1" aria-label={`Select the comment by ${comment.author}`} />
              <span className="flex-1">
                <span className="block text-sm text-gray-600">
                  {comment.author} · {comment.when}
                  {comment.where ? (
                    <>
                      {" "}
                      · on <a href={comment.where.href}>{comment.where.title}</a>
                    </>
                  ) : null}
                </span>
                <span className="mt-1 block whitespace-pre-line break-words">{comment.body}</span>
                {comment.heldReason ? <span className="mt-1 block text-sm text-orange-900">Held: {comment.heldReason}</span> : null}
                {comment.reports.length ? <span className="mt-1 block text-sm text-red-800">Reported: {comment.reports.join("; ")}</span> : null}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-2">
        {ACTIONS.map((choice) => (
          <button
            key={choice.value}
            type="submit"
            name="action"
            value={choice.value}
            disabled={pending}
            className="rounded-md bg-ink px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-60"
          >
            {choice.label}
          </button>
        ))}
      </div>
      <p aria-live="polite" className={`text-sm ${result?.ok ? "text-green-800" : "text-red-700"}`}>
        {answerLine(result)}
      </p>
    </form>
  );
}
