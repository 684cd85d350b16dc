// What only the signed-in reader sees on a cached page: who they are, what they liked, their comments still
// waiting for a moderator. Never cached.
import { currentViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { viewerState } from "@/lib/comments/comments";
import { route } from "@/lib/http/route";
import { commentTargetSchema } from "@/lib/validations/comments";

export const GET = route(async (request: Request) => {
  const parsed = commentTargetSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("bad-request", "Name the episode or story (kind and slug).");
  return Response.json(await viewerState(await currentViewer(), parsed.data), { headers: { "cache-control": "private, no-store" } });
});
