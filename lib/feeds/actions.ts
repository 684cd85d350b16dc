"use server";

// The admin's feed pages: sources added, synced, moved and switched; links decided; platform pages pasted.
import "server-only";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { changeSourceUrl, setSourceEnabled } from "@/lib/feeds/admin";
import { describeSyncResult } from "@/lib/feeds/describe";
import { decideEpisodeLink } from "@/lib/feeds/links";
import { linkEpisodeByHand, saveShowPlatformPages } from "@/lib/platforms/pages";
import { addFeedSource, isExpectedFeedError, syncFeedSource } from "@/lib/feeds/sync";
import { afterImportNow, requestSourceSync } from "@/lib/jobs";
import {
  addSourceSchema,
  episodeLinkSchema,
  linkDecisionSchema,
  showPlatformPagesSchema,
  sourceEnabledSchema,
  sourceIdSchema,
  sourceUrlSchema,
} from "@/lib/validations/admin";

/** A feed's or a platform's refusal (unreachable, not a feed, a locked show) is the admin's to read, not a crash. */
async function feedWork<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof AppError || !isExpectedFeedError(error)) throw error;
    throw new AppError("invalid", error.message, { cause: error });
  }
}

export const addSource = action({ auth: "admin", schema: addSourceSchema }, (input) =>
  feedWork(async () => {
    const { sync } = await addFeedSource({ url: input.url, kind: input.kind, showSlug: input.showSlug, ownerConfirmed: input.ownerConfirmed });
    if (sync.status === "IMPORTED") await afterImportNow({ sourceId: sync.sourceId });
    revalidatePath("/admin/feeds");
    return [`Added ${input.url}: ${describeSyncResult(sync)}`, ...(sync.status === "IMPORTED" && sync.warning ? [sync.warning] : [])].join(" ");
  }),
);

export const syncNow = action({ auth: "admin", schema: sourceIdSchema }, async ({ sourceId }) => {
  if (getEnv().JOBS_ENABLED) {
    await requestSourceSync(sourceId);
    revalidatePath("/admin/feeds");
    return "Sync queued: it starts within seconds.";
  }
  // No background jobs on this instance: sync while the admin waits (and read a first batch of transcripts).
  const result = await syncFeedSource(sourceId, { trigger: "MANUAL" });
  if (result.status === "IMPORTED") await afterImportNow({ sourceId });
  revalidatePath("/admin/feeds");
  return `Synced: ${describeSyncResult(result)}`;
});

export const editSource = action({ auth: "admin", schema: sourceUrlSchema }, async ({ sourceId, url }) => {
  await changeSourceUrl(sourceId, url);
  revalidatePath("/admin/feeds");
  return "Address saved: the next sync fetches it.";
});

export const toggleSource = action({ auth: "admin", schema: sourceEnabledSchema }, async ({ sourceId, enabled }) => {
  await setSourceEnabled(sourceId, enabled);
  revalidatePath("/admin/feeds");
  return enabled ? "Source enabled." : "Source disabled: it is no longer synced.";
});

export const decideLink = action({ auth: "admin", schema: linkDecisionSchema }, async ({ linkId, decision }) => {
  await decideEpisodeLink(linkId, decision);
  revalidatePath("/admin/links");
  return decision === "ACCEPTED" ? "Link accepted." : "Link rejected: it will not be suggested again.";
});

export const savePlatformPages = action({ auth: "admin", schema: showPlatformPagesSchema }, (input, admin) =>
  feedWork(async () => {
    const message = await saveShowPlatformPages(admin, input);
    revalidatePath("/admin/feeds");
    return message;
  }),
);

export const linkEpisode = action({ auth: "admin", schema: episodeLinkSchema }, (input, admin) =>
  feedWork(async () => {
    await linkEpisodeByHand(admin, input);
    revalidatePath("/admin/links");
    return `Linked: the episode's row now opens ${input.url}`;
  }),
);
