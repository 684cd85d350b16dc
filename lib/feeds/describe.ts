import "server-only";
import type { SyncResult } from "./sync";

/** One line on how a sync went, for the CLI and the admin. */
export function describeSyncResult(result: SyncResult): string {
  switch (result.status) {
    case "busy":
      return "skipped: another sync of this source is running";
    case "UNCHANGED":
      return `unchanged (HTTP ${result.httpStatus})`;
    case "FAILED":
      return `failed: ${result.error}`;
    default:
      return [
        `${result.created ?? 0} new`,
        `${result.updated ?? 0} updated`,
        `${result.unchanged ?? 0} unchanged`,
        result.gone ? `${result.gone} gone` : "",
        result.skipped?.length ? `${result.skipped.length} skipped` : "",
        result.heldBack ? `${result.heldBack} held back from gone` : "",
        result.movedTo ? `feed moved to ${result.movedTo}` : "",
      ]
        .filter(Boolean)
        .join(", ");
  }
}

/** The lines under that one: the run's warning and what happened to single items, as the admin's run log shows them. */
export function describeSyncDetails(result: SyncResult, limit = 20): string[] {
  if (result.status === "busy" || result.status === "FAILED") return [];
  const items = [
    ...(result.skipped ?? []).map((skip) => `  ${skip.title}: skipped: ${skip.reason}`),
    ...(result.notes ?? []).map((entry) => `  ${entry.item}: ${entry.note}`),
  ];
  return [
    ...(result.warning ? [`Warning: ${result.warning}`] : []),
    ...items.slice(0, limit),
    ...(items.length > limit ? [`  … and ${items.length - limit} more in the admin's run log`] : []),
  ];
}
