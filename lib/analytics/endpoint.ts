// The beacon endpoint (/api/events): one handler, which Next mounts as a route and the built-in front answers
// itself, so a page's beacons never queue behind rendering (docs/decisions/0018).
import "server-only";
import { AppError } from "@/lib/errors";
import { fromThisSite, readJson } from "@/lib/http/forms";
import { route } from "@/lib/http/route";
import { beaconSchema } from "@/lib/validations/analytics";
import { recordEvents } from "./ingest";

export const EVENTS_PATH = "/api/events";

export const eventsEndpoint = route(async (request: Request) => {
  if (!fromThisSite(request)) throw new AppError("forbidden", "Events are taken from this site's pages only.");
  const body = await readJson(request);
  if (body === undefined) throw new AppError("invalid", "Send JSON of at most 16 KB.");
  const beacon = beaconSchema.safeParse(body);
  if (!beacon.success) throw new AppError("invalid", "These are not events this site records.");
  await recordEvents(beacon.data.events, request.headers);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
