// `npm run stories:import-wordpress -- <export.xml> [--dry-run]`: read a WordPress export, print what it holds
// and what an import would do, then (without --dry-run) import it with a progress bar.
import { parseArgs } from "node:util";
import { z } from "zod";
import { refreshSearchTerms } from "@/lib/search/indexing";
import { readWxrFile } from "@/lib/stories/wxr";
import { analyzeWxr, importWxr } from "@/lib/stories/wxr-import";
import { runCli } from "./cli";
import { progressBar } from "./progress";
import { withDatabase } from "./with-database";

const argsSchema = z.object({
  file: z.string({ error: "Name the export file: npm run stories:import-wordpress -- export.xml [--dry-run]" }).min(1),
  dryRun: z.boolean().default(false),
});

runCli(
  async (log) => {
    const { values, positionals } = parseArgs({ options: { "dry-run": { type: "boolean" } }, allowPositionals: true });
    const args = argsSchema.parse({ file: positionals[0], dryRun: values["dry-run"] });
    return withDatabase(log, async () => {
      log(`Reading ${args.file}`);
      const document = await readWxrFile(args.file);
      const report = await analyzeWxr(document);
      log(
        `${report.site.title || "WordPress site"}: ${report.stories.create} to create, ${report.stories.update} to update (${report.pages} pages, ${report.drafts} drafts), ` +
          `${report.categories} categories, ${report.tags} tags, ${report.comments.create} comments to add, ${report.featuredImages} featured images`,
      );
      for (const [reason, count] of Object.entries(report.passedOver)) log(`passed over: ${count} × ${reason}`);
      for (const warning of report.warnings) log(`warning: ${warning}`);
      if (args.dryRun) {
        log("Dry run: nothing imported.");
        return 0;
      }
      const bar = progressBar("Importing");
      const result = await importWxr(document, bar.update);
      bar.done(`${result.created} created, ${result.updated} updated, ${result.comments} comments`);
      await refreshSearchTerms();
      return 0;
    });
  },
  { envFiles: true },
);
