// The subscriber list as CSV, filtered as the admin page shows it. Route handlers do not pass through the admin
// layout, so this one checks the admin session itself.
import { adminViewer } from "@/lib/auth/admin-session";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { subscribersCsv } from "@/lib/newsletter/admin";
import { subscriberListParamsSchema } from "@/lib/validations/admin";

export const GET = route(async (request: Request) => {
  const admin = await adminViewer();
  if (!admin) throw new AppError("unauthenticated", "Sign in as the admin first.");
  const filter = subscriberListParamsSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const csv = await subscribersCsv(admin, { query: filter.q, status: filter.status });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="subscribers-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
