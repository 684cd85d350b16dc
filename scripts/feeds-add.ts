// `npm run feeds:add -- <url> [--kind podcast|youtube|video] [--show <slug>]`: add a feed source and import it now.
import { parseArgs } from "node:util";
import { addFeedSource } from "@/lib/feeds/sync";
import { feedsAddArgsSchema } from "@/lib/validations/feed-cli";
import { describeSyncResult } from "@/lib/feeds/describe";
import { runCli } from "./cli";
import { withDatabase } from "./feeds-shared";
import { progressBar } from "./progress";

runCli(async (log) => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { kind: { type: "string" }, show: { type: "string" } },
  });
  const args = feedsAddArgsSchema.parse({ url: positionals[0], kind: values.kind, show: values.show });
  return withDatabase(log, async () => {
    log(`Fetching ${args.url}`);
    const bar = progressBar("Importing episodes");
    const { sync } = await addFeedSource({ url: args.url, kind: args.kind, showSlug: args.show }, { onProgress: bar.update });
    bar.done(describeSyncResult(sync));
    return sync.status === "FAILED" ? 1 : 0;
  });
});
