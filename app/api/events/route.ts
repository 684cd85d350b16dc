// Behind nginx (BUILT_IN_FRONT=false) beacons reach Next; the built-in front answers them itself with the same handler.
import { eventsEndpoint } from "@/lib/analytics/endpoint";

export const POST = eventsEndpoint;
