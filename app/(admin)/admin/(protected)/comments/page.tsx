import { ModerationForm } from "@/components/admin/moderation-form";
import { requireModerator } from "@/lib/auth/admin-session";
import { moderationQueue } from "@/lib/comments/comments";

const when = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function AdminCommentsPage() {
  const queue = await moderationQueue(await requireModerator());
  return (
    <div className="space-y-6">
      <h1 className="font-display text-3xl font-bold">Comments to review</h1>
      {queue.length === 0 ? (
        <p className="text-gray-600">Nothing waits: no held comments and no open reports.</p>
      ) : (
        <ModerationForm
          comments={queue.map((comment) => ({
            id: comment.id,
            body: comment.body,
            status: comment.status,
            heldReason: comment.heldReason,
            reports: comment.reports.map((report) => report.reason),
            author: comment.author
              ? `${comment.author.name || comment.author.email}${comment.author.nameChanges.length ? ` (before: ${comment.author.nameChanges.map((change) => change.name).join(", ")})` : ""}${comment.author.bannedAt ? " (banned)" : ""}`
              : "A deleted user",
            where: comment.episode
              ? { href: `/episodes/${comment.episode.slug}`, title: comment.episode.title }
              : comment.story
                ? { href: `/stories/${comment.story.slug}`, title: comment.story.title }
                : null,
            when: `${when.format(comment.createdAt)} UTC`,
          }))}
        />
      )}
    </div>
  );
}
