// What each Next server process does on start (instrumentation.ts, Node runtime): run the background jobs and stop them
// gracefully on a signal. Its own module: Next also compiles instrumentation.ts for the edge runtime.
import "server-only";
import { closeIngest, flushEvents } from "@/lib/analytics/ingest";
import { prisma } from "@/lib/db";
import { startJobsOnce, stopJobs } from "@/lib/jobs";

export async function startServerProcess(): Promise<void> {
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void flushEvents()
        .then(() => stopJobs())
        .then(() => closeIngest())
        .catch((error: Error) => console.error(`Background jobs did not stop cleanly: ${error.message}`))
        .then(() => prisma.$disconnect())
        .finally(() => process.exit(0));
    };
    process.on("SIGTERM", stop);
    process.on("SIGINT", stop);
  }
  await startJobsOnce()?.catch(() => {
    // Already logged; pages are served without background jobs.
  });
}
