// Next.js calls register() once when a server starts: the place to start background jobs, in the Node.js runtime
// only (the edge runtime has no Postgres driver).
import { getEnv } from "@/lib/env";

export async function register() {
  if (getEnv().NEXT_RUNTIME !== "nodejs") return;
  const { startJobsOnce } = await import("@/lib/jobs");
  await startJobsOnce()?.catch(() => {
    // Already logged; pages are served without background jobs.
  });
}
