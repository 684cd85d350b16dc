// `npm run audit`: the advisories for the packages the site runs with (npm audit --omit=dev). High or critical ones
// fail (exit 1) and are listed; moderate and low ones are listed. When the registry does not answer audit requests
// (a mirror, an offline machine), it says so and does not fail: nothing could be checked there.
import { spawn } from "node:child_process";
import { z } from "zod";
import { runCli } from "./cli";

const reportSchema = z.object({
  vulnerabilities: z.record(z.string(), z.object({ name: z.string(), severity: z.string(), range: z.string().optional() })).default({}),
  metadata: z.object({ vulnerabilities: z.object({ high: z.number(), critical: z.number(), moderate: z.number(), low: z.number() }) }),
});
const unreachableSchema = z.object({ message: z.string().optional(), statusCode: z.number().optional(), error: z.object({ summary: z.string() }).optional() });

function npmAudit(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["audit", "--omit=dev", "--json"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => resolve(out));
  });
}

runCli(async (log) => {
  const text = await npmAudit();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    log(`npm audit answered something that is not a report: ${text.slice(0, 200)}`);
    return 1;
  }
  const report = reportSchema.safeParse(json);
  if (!report.success) {
    const unreachable = unreachableSchema.parse(json);
    log(
      `npm audit: the registry did not answer the advisory request (${[unreachable.error?.summary, unreachable.message].find(Boolean) ?? "no report"}): NOT CHECKED on this machine.`,
    );
    return 0;
  }
  const counts = report.data.metadata.vulnerabilities;
  for (const advisory of Object.values(report.data.vulnerabilities)) log(`${advisory.severity}: ${advisory.name} ${advisory.range ?? ""}`);
  log(`npm audit (production dependencies): ${counts.critical} critical, ${counts.high} high, ${counts.moderate} moderate, ${counts.low} low`);
  return counts.high + counts.critical > 0 ? 1 : 0;
});
