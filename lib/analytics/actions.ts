"use server";

import "server-only";
import { revalidatePath } from "next/cache";
import { action } from "@/lib/actions";
import { analyticsSettingsSchema } from "@/lib/validations/admin";
import { changeAnalyticsSettings } from "./settings";

export const saveAnalyticsSettings = action({ auth: "admin", schema: analyticsSettingsSchema }, async (settings) => {
  await changeAnalyticsSettings(settings);
  revalidatePath("/admin/analytics");
  return settings.countDownloads
    ? "Saved. The podcast feeds now send apps through this site's measurement address: downloads are counted from the next time apps read them."
    : "Saved.";
});
