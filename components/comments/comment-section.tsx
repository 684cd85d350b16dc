import type { PlayerEpisode } from "@/components/player/player-provider";
import { PageSection } from "@/components/ui/page-section";
import { listComments } from "@/lib/comments/comments";
import { CommentThread } from "./comment-thread";

export interface CommentSectionProps {
  kind: "episode" | "story";
  slug: string;
  episode?: PlayerEpisode;
}

/** "Comments", rendered with the page (so cached with it) and revalidated when someone posts. */
export async function CommentSection({ kind, slug, episode }: CommentSectionProps) {
  const initial = await listComments({ kind, slug }, "oldest");
  const path = `/${kind === "episode" ? "episodes" : "stories"}/${slug}`;
  return (
    <PageSection id="comments" title="Comments">
      <CommentThread kind={kind} slug={slug} path={path} initial={initial} episode={episode} />
    </PageSection>
  );
}
