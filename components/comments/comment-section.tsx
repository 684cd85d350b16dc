import type { PlayerEpisode } from "@/components/player/player-provider";
import { PageSection } from "@/components/ui/page-section";
import { listComments } from "@/lib/comments/comments";
import { COMMENT_CARD, CommentBody, CommentHeader, REPLY_INDENT } from "./comment-parts";
import { LazyCommentThread } from "./lazy-comment-thread";

export interface CommentSectionProps {
  kind: "episode" | "story";
  slug: string;
  episode?: PlayerEpisode;
}

/**
 * "Comments": the first page of the thread rendered with the page (cached with it, readable without JavaScript and
 * by search engines), made interactive when a reader comes near.
 */
export async function CommentSection({ kind, slug, episode }: CommentSectionProps) {
  const initial = await listComments({ kind, slug }, "oldest");
  const path = `/${kind === "episode" ? "episodes" : "stories"}/${slug}`;
  return (
    <PageSection id="comments" title="Comments">
      <LazyCommentThread kind={kind} slug={slug} path={path} initial={initial} episode={episode}>
        <p className="mb-4 text-sm text-muted">{initial.total === 1 ? "1 comment" : `${initial.total} comments`}</p>
        {initial.comments.length === 0 ? <p className="text-muted">No comments yet.</p> : null}
        <ol className="space-y-4">
          {initial.comments.map((comment) => (
            <li key={comment.id}>
              <article className={COMMENT_CARD} aria-label={`Comment by ${comment.authorName}`}>
                <CommentHeader comment={comment} />
                <CommentBody comment={comment} />
                {comment.replies.length ? (
                  <ol className="mt-3 space-y-3">
                    {comment.replies.map((reply) => (
                      <li key={reply.id}>
                        <article className={`${COMMENT_CARD} ${REPLY_INDENT}`} aria-label={`Comment by ${reply.authorName}`}>
                          <CommentHeader comment={reply} />
                          <CommentBody comment={reply} />
                        </article>
                      </li>
                    ))}
                  </ol>
                ) : null}
              </article>
            </li>
          ))}
        </ol>
        {initial.closed ? (
          <p className="mt-6 rounded-md bg-gray-100 p-3 text-sm">Comments are closed.</p>
        ) : (
          <p className="mt-6">
            <a href={`/signin?callbackUrl=${encodeURIComponent(`${path}#comments`)}`} className="font-semibold underline">
              Sign in to comment
            </a>
          </p>
        )}
      </LazyCommentThread>
    </PageSection>
  );
}
