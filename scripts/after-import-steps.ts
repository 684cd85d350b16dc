// The steps after a CLI sync, with progress bars: every batch of chapters files and transcripts, then search.
import { afterImport } from "@/lib/feeds/pipeline";
import { progressBar } from "./progress";

export async function afterImportSteps(scope: { sourceId?: string; showId?: string }): Promise<void> {
  let bar = progressBar("Reading chapters and transcripts");
  let read = 0;
  let failed = 0;
  let index: ReturnType<typeof progressBar> | undefined;
  let indexed = 0;
  await afterImport(scope, {
    onExtrasProgress: (done, total) => bar.update(done, total),
    onExtrasBatch: (result) => {
      read += result.fetched;
      failed += result.failed;
      bar.done(`${read} read${failed ? `, ${failed} could not be read (kept for a later try)` : ""}`);
      if (result.remaining > 0) bar = progressBar("Reading chapters and transcripts");
    },
    onIndexBatch: (progress) => {
      index ??= progressBar("Indexing for search");
      indexed += progress.indexed;
      index.update(indexed, indexed + progress.remaining);
    },
  });
  (index ?? progressBar("Indexing for search")).done(`${indexed} indexed`);
}
