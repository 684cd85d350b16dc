// What follows every sync or import, whoever ran it: chapters and transcripts of new and changed episodes, then
// search. Pages need nothing: the sync invalidated their cache tags as it wrote.
import "server-only";
import { indexAllEpisodesForSearch, type IndexProgress } from "@/lib/search/indexing";
import { fetchEpisodeExtras, type ExtrasResult } from "./extras";

export interface AfterImportOptions {
  /** Batches of extras to read now; the rest stay waiting (`remaining`) for a later call. Default: all. */
  batches?: number;
  /** Episodes per batch. */
  batchSize?: number;
  onExtrasProgress?: (done: number, total: number) => void;
  onExtrasBatch?: (result: ExtrasResult) => void;
  onIndexBatch?: (progress: IndexProgress) => void;
}

export async function afterImport(
  scope: { sourceId?: string; showId?: string },
  options: AfterImportOptions = {},
): Promise<ExtrasResult & { indexed: number }> {
  const total = { fetched: 0, failed: 0, remaining: 0 };
  for (let batch = 0; batch < (options.batches ?? Infinity); batch += 1) {
    const result = await fetchEpisodeExtras(scope, { limit: options.batchSize, onProgress: options.onExtrasProgress });
    total.fetched += result.fetched;
    total.failed += result.failed;
    total.remaining = result.remaining;
    options.onExtrasBatch?.(result);
    if (result.remaining === 0) break;
  }
  const indexed = await indexAllEpisodesForSearch(options.onIndexBatch);
  return { ...total, indexed };
}
