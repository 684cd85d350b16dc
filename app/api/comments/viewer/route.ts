// What only the signed-in reader sees on a cached page: who they are, what they liked, their comments still
// waiting for a moderator. Never cached.
import { currentViewer } from "@/lib/auth/session";
import { CommentError, viewerState } from "@/lib/comments/comments";
import { commentTargetSchema } from "@/lib/validations/comments";

export async function GET(request: Request) {
  const parsed = commentTargetSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "Name the episode or story (kind and slug)." }, { status: 400 });
  try {
    return Response.json(await viewerState(await currentViewer(), parsed.data), { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    if (error instanceof CommentError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
