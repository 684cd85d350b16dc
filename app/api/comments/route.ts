// A page of a thread in another order or further down ("Load more"), and the thread again after a reader posts:
// the public, approved comments only, never cached (the first page is cached with the page itself).
import { CommentError, listComments } from "@/lib/comments/comments";
import { commentListParamsSchema } from "@/lib/validations/comments";

export async function GET(request: Request) {
  const parsed = commentListParamsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "Name the episode or story (kind and slug)." }, { status: 400 });
  const { kind, slug, order, page } = parsed.data;
  try {
    return Response.json(await listComments({ kind, slug }, order, page), { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof CommentError) return Response.json({ error: error.message }, { status: 404 });
    throw error;
  }
}
