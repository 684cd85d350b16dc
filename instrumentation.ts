import type { Instrumentation } from "next";

// Next.js calls register() once when a server starts: the place to start background jobs, in the Node.js runtime
// only (the edge runtime has no Postgres driver), and to stop them gracefully (the launcher sets
// NEXT_MANUAL_SIG_HANDLE, so Next leaves the signals to us: a job in progress finishes, the pool closes, then exit).
export async function register() {
  // Read raw, not through lib/env: Next replaces process.env.NEXT_RUNTIME at build time in each runtime's bundle,
  // which keeps the Node-only job code out of the edge bundle entirely.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobsOnce, stopJobs } = await import("@/lib/jobs");
  if (process.env.NEXT_MANUAL_SIG_HANDLE) {
    const { prisma } = await import("@/lib/db");
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void stopJobs()
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

// A request that failed while Next rendered or handled it: one structured line with the request's id, which the
// edge in front logged too (lib/log.ts).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger, requestIdFrom } = await import("@/lib/log");
  logger.error(
    { requestId: requestIdFrom(request.headers["x-request-id"]), method: request.method, path: request.path, route: context.routePath, kind: context.routeType, err: error },
    "request failed",
  );
};
