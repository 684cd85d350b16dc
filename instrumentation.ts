// Next.js calls register() once when a server starts: the place to start background jobs, in the Node.js runtime
// only (the edge runtime has no Postgres driver).
export async function register() {
  // Read raw, not through lib/env: Next replaces process.env.NEXT_RUNTIME at build time in each runtime's bundle,
  // which keeps the Node-only job code out of the edge bundle entirely.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startJobsOnce } = await import("@/lib/jobs");
  await startJobsOnce()?.catch(() => {
    // Already logged; pages are served without background jobs.
  });
}
