// Uploaded media kept under the data folder (when no bucket is configured). Keys are content-addressed and never
// rewritten, so browsers and proxies may keep them forever.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { mediaDirectory } from "@/lib/media/store";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

const TYPES: Record<string, string> = { ".webp": "image/webp", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".avif": "image/avif" };
const SAFE_PART = /^[a-z0-9][a-z0-9_.-]*$/;

export const GET = route(async (_request: Request, { params }: RouteContext<"/media/[...path]">) => {
  const parts = (await params).path;
  const type = TYPES[path.extname(parts.at(-1) ?? "")];
  if (!type || !parts.every((part) => SAFE_PART.test(part) && !part.includes(".."))) throw new AppError("not-found", "No such file.");
  try {
    const body = await readFile(path.join(mediaDirectory(), ...parts));
    return new Response(new Uint8Array(body), { headers: { "content-type": type, "cache-control": "public, max-age=31536000, immutable" } });
  } catch {
    throw new AppError("not-found", "No such file.");
  }
});
