"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ActionFailure, adminAction } from "@/lib/admin-action";
import { endAdminSession, startAdminSession } from "@/lib/admin-session";
import { getEnv } from "@/lib/env";
import { changeSourceUrl, setSourceEnabled, SourceEditError } from "@/lib/feeds/admin";
import { fetchEpisodeExtras } from "@/lib/feeds/extras";
import { indexAllEpisodesForSearch } from "@/lib/search-index";
import { decideEpisodeLink } from "@/lib/feeds/links";
import { addFeedSource, isExpectedFeedError, syncFeedSource } from "@/lib/feeds/sync";
import { requestSourceSync } from "@/lib/jobs";
import { describeSyncResult } from "@/lib/feeds/describe";
import { linkEpisodeByHand, saveShowPlatformPages } from "@/lib/feeds/platform-pages";
import { addSourceSchema, adminSignInSchema, episodeLinkSchema, linkDecisionSchema, showPlatformPagesSchema, sourceEnabledSchema, sourceIdSchema, sourceUrlSchema, type ActionState } from "@/lib/validations/admin";

export async function signIn(_previous: ActionState | undefined, formData: FormData): Promise<ActionState> {
  const parsed = adminSignInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message };
  if (!(await startAdminSession(parsed.data.token))) return { ok: false, message: "That is not the admin token." };
  redirect("/admin");
}

export async function signOut(): Promise<void> {
  await endAdminSession();
  redirect("/admin/sign-in");
}

/** A feed's or a platform's refusal (unreachable, not a feed, a locked show) is the admin's to read, not a crash. */
async function feedWork<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isExpectedFeedError(error)) throw new ActionFailure(error.message);
    throw error;
  }
}

export const addSource = adminAction(addSourceSchema, (input) =>
  feedWork(async () => {
    const { sync } = await addFeedSource({ url: input.url, kind: input.kind, showSlug: input.showSlug, ownerConfirmed: input.ownerConfirmed });
    await indexAllEpisodesForSearch();
    revalidatePath("/admin/feeds");
    return [`Added ${input.url}: ${describeSyncResult(sync)}`, ...(sync.status === "IMPORTED" && sync.warning ? [sync.warning] : [])].join(" ");
  }),
);

export const syncNow = adminAction(sourceIdSchema, async ({ sourceId }) => {
  if (getEnv().JOBS_ENABLED) {
    await requestSourceSync(sourceId);
    revalidatePath("/admin/feeds");
    return "Sync queued: it starts within seconds.";
  }
  // No background jobs on this instance: sync while the admin waits (and read a first batch of transcripts).
  const result = await syncFeedSource(sourceId, { trigger: "MANUAL" });
  if (result.status === "IMPORTED") await fetchEpisodeExtras({ sourceId }, { limit: 20 });
  await indexAllEpisodesForSearch();
  revalidatePath("/admin/feeds");
  return `Synced: ${describeSyncResult(result)}`;
});

export const editSource = adminAction(sourceUrlSchema, async ({ sourceId, url }) => {
  try {
    await changeSourceUrl(sourceId, url);
  } catch (error) {
    if (error instanceof SourceEditError) throw new ActionFailure(error.message);
    throw error;
  }
  revalidatePath("/admin/feeds");
  return "Address saved: the next sync fetches it.";
});

export const toggleSource = adminAction(sourceEnabledSchema, async ({ sourceId, enabled }) => {
  await setSourceEnabled(sourceId, enabled);
  revalidatePath("/admin/feeds");
  return enabled ? "Source enabled." : "Source disabled: it is no longer synced.";
});

export const decideLink = adminAction(linkDecisionSchema, async ({ linkId, decision }) => {
  await decideEpisodeLink(linkId, decision);
  revalidatePath("/admin/links");
  return decision === "ACCEPTED" ? "Link accepted." : "Link rejected: it will not be suggested again.";
});

export const savePlatformPages = adminAction(showPlatformPagesSchema, (input, admin) =>
  feedWork(async () => {
    const message = await saveShowPlatformPages(admin, input);
    revalidatePath("/admin/feeds");
    return message;
  }),
);

export const linkEpisode = adminAction(episodeLinkSchema, (input, admin) =>
  feedWork(async () => {
    await linkEpisodeByHand(admin, input);
    revalidatePath("/admin/links");
    return `Linked: the episode's row now opens ${input.url}`;
  }),
);
