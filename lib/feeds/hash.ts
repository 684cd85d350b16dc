// The two fingerprints that let a sync skip work: one of an item's text as the feed wrote it (skip parsing it),
// one of what was imported from it (skip writing it).
import "server-only";
import { createHash } from "node:crypto";
import type { ParsedEpisode } from "@/lib/validations/feed";

export function hashFeedItem(item: string): string {
  return createHash("sha256").update(item).digest("base64url");
}

export function importHash(episode: ParsedEpisode): string {
  const json = JSON.stringify(episode, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  return createHash("sha256").update(json).digest("hex");
}
