// The analytics tables as CSV. Route handlers do not pass through the admin layout: the read checks the admin.
import { analyticsCsv } from "@/lib/analytics/reports";
import { adminViewer } from "@/lib/auth/admin-session";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { analyticsExportSchema } from "@/lib/validations/analytics";

export const GET = route(async (request: Request) => {
  const admin = await adminViewer();
  if (!admin) throw new AppError("unauthenticated", "Sign in as the admin first.");
  const query = analyticsExportSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw new AppError("invalid", "Ask for one of the analytics tables.");
  const csv = await analyticsCsv(admin, query.data);
  if (csv === null) throw new AppError("not-found", "No such episode.");
  const name = [query.data.table, query.data.range, new Date().toISOString().slice(0, 10)].join("-");
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"`, "cache-control": "no-store" },
  });
});
