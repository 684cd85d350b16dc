// `npm run feeds:sync [-- --show <slug>] [--source <id>] [--force]`: sync every enabled feed source, or some.
import { parseArgs } from "node:util";
import { listFeedSources, syncFeedSource } from "@/lib/feeds/sync";
import { feedsSyncArgsSchema } from "@/lib/validations/feed-cli";
import { describeSyncDetails, describeSyncResult } from "@/lib/feeds/describe";
import { runCli } from "./cli";
import { withDatabase } from "./with-database";
import { progressBar } from "./progress";
import { afterImportSteps } from "./after-import-steps";

runCli(
  async (log) => {
    const { values } = parseArgs({ options: { show: { type: "string" }, source: { type: "string" }, force: { type: "boolean" } } });
    const args = feedsSyncArgsSchema.parse(values);
    return withDatabase(log, async () => {
      const sources = await listFeedSources({ showSlug: args.show, sourceId: args.source });
      if (sources.length === 0) {
        log("No enabled feed sources match. Add one with: npm run feeds:add -- <url>");
        return 0;
      }
      let failed = 0;
      for (const [index, source] of sources.entries()) {
        const bar = progressBar(`[${index + 1}/${sources.length}] ${source.show.title} (${source.kind.toLowerCase()})`);
        const result = await syncFeedSource(source.id, { force: args.force, onProgress: bar.update, trigger: "MANUAL" });
        bar.done(describeSyncResult(result));
        for (const line of describeSyncDetails(result)) log(line);
        if (result.status === "FAILED") failed += 1;
        else await afterImportSteps({ sourceId: source.id });
      }
      log(`${sources.length - failed} of ${sources.length} source(s) synced${failed ? `, ${failed} failed` : ""}`);
      return failed ? 1 : 0;
    });
  },
  { envFiles: true },
);
