// Where the site's pages send what listeners do (components/analytics): checked whole, then counted in batches.
import { recordEvents } from "@/lib/analytics/ingest";
import { AppError } from "@/lib/errors";
import { fromThisSite, readJson } from "@/lib/http/forms";
import { route } from "@/lib/http/route";
import { beaconSchema } from "@/lib/validations/analytics";

const ANSWERED = { status: 204, headers: { "cache-control": "no-store" } };

export const POST = route(async (request: Request) => {
  if (!fromThisSite(request)) throw new AppError("forbidden", "Events are taken from this site's pages only.");
  const body = await readJson(request);
  if (body === undefined) throw new AppError("invalid", "Send JSON of at most 16 KB.");
  const beacon = beaconSchema.safeParse(body);
  if (!beacon.success) throw new AppError("invalid", "These are not events this site records.");
  await recordEvents(beacon.data.events, request.headers);
  return new Response(null, ANSWERED);
});
