// GET: a page of a thread in another order or further down ("Load more"), and the thread again after a reader
// posts: the public, approved comments only, never cached (the first page is cached with the page itself).
// POST: a comment by the signed-in reader (session cookie), as a form or JSON: what the page's form does through
// its server action, for clients without one (apps, the load harness). Same checks, same limits.
import { headers } from "next/headers";
import { z } from "zod";
import { currentViewer } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { clientAddress } from "@/lib/http/client-address";
import { listComments, postComment } from "@/lib/comments/comments";
import { fromThisSite, readForm, readJson } from "@/lib/http/forms";
import { refusal, route } from "@/lib/http/route";
import { commentListParamsSchema, postCommentSchema } from "@/lib/validations/comments";

export const POST = route(async (request: Request) => {
  if (!fromThisSite(request)) throw new AppError("forbidden", "Post from this site.");
  const fields = request.headers.get("content-type")?.includes("application/json") ? await readJson(request) : await readForm(request);
  const parsed = postCommentSchema.safeParse(fields ?? {});
  if (!parsed.success) return refusal(new AppError("invalid", "Some fields need a look."), { fieldErrors: z.flattenError(parsed.error).fieldErrors });
  const { kind, slug, ...input } = parsed.data;
  const comment = await postComment(await currentViewer(), { ...input, target: { kind, slug } }, clientAddress(await headers()));
  return Response.json({ id: comment.id, status: comment.status }, { status: 201, headers: { "cache-control": "no-store" } });
});

export const GET = route(async (request: Request) => {
  const parsed = commentListParamsSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("bad-request", "Name the episode or story (kind and slug).");
  const { kind, slug, order, page } = parsed.data;
  return Response.json(await listComments({ kind, slug }, order, page), { headers: { "cache-control": "no-store" } });
});
