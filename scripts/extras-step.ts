// The steps after a CLI sync, each with a progress bar, batch after batch until none is left: read the chapters
// files and transcripts of new and changed episodes, then index them for search.
import { fetchEpisodeExtras } from "@/lib/feeds/extras";
import { indexAllEpisodesForSearch } from "@/lib/search-index";
import { progressBar } from "./progress";

export async function fetchExtrasStep(scope: { sourceId?: string; showId?: string }): Promise<void> {
  let fetched = 0;
  let failed = 0;
  for (;;) {
    const bar = progressBar("Reading chapters and transcripts");
    const result = await fetchEpisodeExtras(scope, { onProgress: bar.update });
    fetched += result.fetched;
    failed += result.failed;
    bar.done(`${fetched} read${failed ? `, ${failed} could not be read (kept for a later try)` : ""}`);
    if (result.remaining === 0) return;
  }
}

export async function indexSearchStep(): Promise<void> {
  const bar = progressBar("Indexing for search");
  let indexed = 0;
  await indexAllEpisodesForSearch((progress) => {
    indexed += progress.indexed;
    bar.update(indexed, indexed + progress.remaining);
  });
  bar.done(`${indexed} indexed`);
}
