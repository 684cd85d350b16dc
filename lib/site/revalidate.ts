// Marking cached pages stale after a change. In production several Next processes serve the site (WEB_CONCURRENCY),
// each with its own copy of every cached page; a change is made in one of them. So every process marks the pages: for
// an editor's change before the answer goes back, so that whichever process answers next shows it; for a reader's
// (a comment), within a second.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getEnv } from "@/lib/env";
import { logger } from "@/lib/log";
import { sameSecret } from "@/lib/site-secret";

const PEER_REVALIDATE_PATH = "/api/internal/revalidate";
const PEER_TIMEOUT_MS = 3000;

const pageTargetSchema = z.object({ path: z.string().startsWith("/").max(2000), type: z.enum(["page", "layout"]).optional() });
export const peerRevalidateSchema = z.object({ targets: z.array(pageTargetSchema).min(1).max(1000) });

export type PageTarget = z.infer<typeof pageTargetSchema>;

const asPages = (targets: (string | PageTarget)[]): PageTarget[] => targets.map((target) => (typeof target === "string" ? { path: target } : target));

/**
 * After a change an editor or moderator made: marks the pages stale here, then in every other Next process, and
 * returns when all have; a path alone is that page, `type: "layout"` every page below it.
 */
export async function revalidatePages(...targets: (string | PageTarget)[]): Promise<void> {
  const pages = asPages(targets);
  revalidateHere(pages);
  await tellPeers(pages);
}

// Pages readers' changes made stale, for the other processes: sent together, at most once a PEER_BATCH_MS.
const PEER_BATCH_MS = 1000;
const pending = new Map<string, PageTarget>();
let batch: NodeJS.Timeout | undefined;

/**
 * After a change a reader made (a comment, a like): marks the pages stale here at once, and in the other processes
 * within a second, one message for all such changes. A comment flood on a new episode would otherwise cost a request
 * between processes per comment; the reader sees their own change at once all the same (the action re-renders their
 * page here, and the thread is read fresh), and other readers get pages the edge keeps for seconds anyway.
 */
export function revalidatePagesSoon(...targets: (string | PageTarget)[]): void {
  const pages = asPages(targets);
  revalidateHere(pages);
  if (!getEnv().SHOWFRONT_PEER_TOKEN) return;
  for (const page of pages) pending.set(`${page.type ?? "page"} ${page.path}`, page);
  batch ??= setTimeout(() => {
    batch = undefined;
    const pages = [...pending.values()];
    pending.clear();
    void tellPeers(pages);
  }, PEER_BATCH_MS);
}

async function tellPeers(pages: PageTarget[]): Promise<void> {
  const { SHOWFRONT_PEERS: peers, SHOWFRONT_PEER_TOKEN: token } = getEnv();
  if (!token || pages.length === 0) return;
  await Promise.all(
    peers.map((peer) =>
      fetch(new URL(PEER_REVALIDATE_PATH, peer), {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ targets: pages }),
        signal: AbortSignal.timeout(PEER_TIMEOUT_MS),
      })
        .then((response) => {
          if (!response.ok) throw new Error(`answered ${response.status}`);
        })
        // A process that is stopping or restarting has nothing cached to keep: its pages are rendered afresh.
        .catch((error: Error) => logger.warn({ peer, error: error.message }, "another Next process did not take the revalidation")),
    ),
  );
}

export function revalidateHere(pages: PageTarget[]): void {
  for (const page of pages) revalidatePath(page.path, page.type);
}

/** Whether a request carries the token the launcher gave this site's processes. */
export function fromPeer(request: Request): boolean {
  const token = getEnv().SHOWFRONT_PEER_TOKEN;
  const given = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  return Boolean(token && given && sameSecret(given, token));
}
