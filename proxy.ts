// Runs before every route (docs/SECURITY.md): malformed addresses, oversized or unsized bodies and foreign
// server-action posts are answered here (lib/http/request-guard.ts). The WordPress upload route is left out: its
// body (hundreds of MB) must stream to it, never be buffered for a proxy, and it checks its own size and origin.
import { NextResponse, type NextRequest } from "next/server";
import { guardRequest } from "@/lib/http/request-guard";

export function proxy(request: NextRequest) {
  return guardRequest(request) ?? NextResponse.next();
}

export const config = {
  matcher: ["/((?!_next/static|admin/stories/import/upload).*)"],
};
