import type { Instrumentation } from "next";

// Next.js calls register() once when a server starts. Read NEXT_RUNTIME raw, not through lib/env: Next replaces it
// at build time in each runtime's bundle, which keeps the Node-only code (lib/site/server-process.ts) out of the
// edge bundle entirely.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("@/lib/site/server-process")).startServerProcess();
}

// A request that failed while Next rendered or handled it: one structured line with the request's id, which the
// edge in front logged too (lib/log.ts).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger, requestIdFrom } = await import("@/lib/log");
  logger.error(
    {
      requestId: requestIdFrom(request.headers["x-request-id"]),
      method: request.method,
      path: request.path,
      route: context.routePath,
      kind: context.routeType,
      err: error,
    },
    "request failed",
  );
};
