// The links an episode page would show, with how each was found: what the matching tests check.
import { prisma } from "@/lib/db";
import { VISIBLE_LINK_STATUSES } from "@/lib/feeds/links";

export function visibleLinks(episodeId: string) {
  return prisma.episodeLink.findMany({
    where: { episodeId, status: { in: VISIBLE_LINK_STATUSES } },
    select: { platform: true, url: true, method: true, confidence: true },
    orderBy: { platform: "asc" },
  });
}
