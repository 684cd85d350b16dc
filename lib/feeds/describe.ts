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
        result.movedTo ? `feed moved to ${result.movedTo}` : "",
      ]
        .filter(Boolean)
        .join(", ");
  }
}
