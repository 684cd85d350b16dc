// Readiness: 200 when the database answers and every migration of this build is applied, 503 (with the reason)
// otherwise, so a load balancer sends no traffic to an instance that cannot serve it.
import { readiness } from "@/lib/site/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const state = await readiness();
  return Response.json(state, { status: state.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
