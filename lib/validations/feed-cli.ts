import "server-only";
import { z } from "zod";

const feedKind = z
  .enum(["podcast", "youtube", "video", "apple", "spotify"], { error: "--kind must be podcast, youtube, video, apple or spotify" })
  .default("podcast")
  .transform((kind) => kind.toUpperCase() as "PODCAST" | "YOUTUBE" | "VIDEO" | "APPLE" | "SPOTIFY");

const showSlug = z.string().trim().min(1).max(80).optional();

export const feedsAddArgsSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "give the feed's http(s) URL: npm run feeds:add -- <url>" }),
  kind: feedKind,
  show: showSlug,
  iOwnIt: z.boolean().default(false),
});

export const feedsSyncArgsSchema = z.object({
  show: showSlug,
  source: z.string().trim().min(1).max(40).optional(),
  force: z.boolean().default(false),
});
