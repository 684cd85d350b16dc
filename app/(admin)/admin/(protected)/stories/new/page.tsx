import { StoryEditor } from "@/components/admin/story-editor";
import { requireAdmin } from "@/lib/auth/admin-session";

export default async function NewStoryPage() {
  await requireAdmin();
  return (
    <div className="space-y-6">
      <h1 className="font-display text-3xl font-bold">New story</h1>
      <StoryEditor
        initialPreview=""
        story={{
          slug: "",
          title: "",
          dek: "",
          body: "",
          authorName: "",
          status: "DRAFT",
          kind: "ARTICLE",
          publishedAt: null,
          categories: [],
          tags: [],
          heroImageUrl: "",
          heroAlt: "",
          heroCaption: "",
          heroCredit: "",
          audioUrl: "",
          episodes: [],
          bodyFormat: "MARKDOWN",
        }}
      />
    </div>
  );
}
