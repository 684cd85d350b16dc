// Liveness: the process answers. It never touches the database, so a database outage does not get the app
// restarted (readiness at /api/ready says whether it can serve).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
