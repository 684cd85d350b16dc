// `npm run feeds:add -- <url> [--kind podcast|youtube|video|apple|spotify] [--show <slug>] [--i-own-it]`: add a feed
// source and import it now. --i-own-it confirms ownership of a podcast:locked feed.
import { parseArgs } from "node:util";
import { addFeedSource } from "@/lib/feeds/sync";
import { feedsAddArgsSchema } from "@/lib/validations/feed-cli";
import { describeSyncDetails, describeSyncResult } from "@/lib/feeds/describe";
import { runCli } from "./cli";
import { withDatabase } from "./with-database";
import { progressBar } from "./progress";
import { afterImportSteps } from "./after-import-steps";

runCli(
  async (log) => {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: { kind: { type: "string" }, show: { type: "string" }, "i-own-it": { type: "boolean" } },
    });
    const args = feedsAddArgsSchema.parse({ url: positionals[0], kind: values.kind, show: values.show, iOwnIt: values["i-own-it"] });
    return withDatabase(log, async () => {
      log(`Fetching ${args.url}`);
      const bar = progressBar("Importing episodes");
      const { sync } = await addFeedSource({ url: args.url, kind: args.kind, showSlug: args.show, ownerConfirmed: args.iOwnIt }, { onProgress: bar.update });
      bar.done(describeSyncResult(sync));
      for (const line of describeSyncDetails(sync)) log(line);
      if (sync.status === "IMPORTED") await afterImportSteps({ sourceId: sync.sourceId });
      return sync.status === "FAILED" ? 1 : 0;
    });
  },
  { envFiles: true },
);
