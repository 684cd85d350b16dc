// The parts of a comment both the page's first copy (rendered on the server, no JavaScript) and the interactive
// thread show. No hooks: usable on either side.
import type { ThreadComment } from "@/lib/comments/comments";
import { commentPieces } from "@/lib/comments/text";

const when = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function CommentHeader({ comment, waiting = false }: { comment: ThreadComment; waiting?: boolean }) {
  return (
    <header className="flex flex-wrap items-baseline gap-x-3 text-sm">
      <strong>{comment.authorName}</strong>
      <time dateTime={comment.createdAt} className="text-muted">
        {when.format(new Date(comment.createdAt))} UTC
      </time>
      {comment.editedAt ? <span className="text-muted">(edited)</span> : null}
      {waiting ? <span className="rounded bg-orange-100 px-2 text-orange-900">Waiting for a moderator</span> : null}
    </header>
  );
}

/** The words as typed: text, with the links found in them made into links of our own. */
export function CommentBody({ comment }: { comment: ThreadComment }) {
  if (comment.deleted) return <p className="mt-2 italic text-muted">This comment was deleted.</p>;
  return (
    <p className="mt-2 whitespace-pre-line break-words">
      {commentPieces(comment.body).map((piece, index) =>
        "url" in piece ? (
          <a key={index} href={piece.url} rel="nofollow ugc noopener noreferrer" target="_blank" className="text-accent-dark underline">
            {piece.text}
          </a>
        ) : (
          <span key={index}>{piece.text}</span>
        ),
      )}
    </p>
  );
}

export const COMMENT_CARD = "rounded-lg bg-white p-4 shadow-sm";
export const REPLY_INDENT = "ml-6 sm:ml-10";
