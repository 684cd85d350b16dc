// Runs before every route (docs/SECURITY.md): malformed addresses, oversized or unsized bodies and foreign
// server-action posts are answered here (lib/http/request-guard.ts); every other request gets the nonce Next stamps
// on its scripts (lib/http/script-nonce.ts). The WordPress upload route is left out: its body (hundreds of MB) must
// stream to it, never be buffered for a proxy, and it checks its own size and origin.
import type { NextRequest } from "next/server";
import { guardRequest } from "@/lib/http/request-guard";
import { withScriptNonce } from "@/lib/http/script-nonce";

export function proxy(request: NextRequest) {
  return guardRequest(request) ?? withScriptNonce(request);
}

export const config = {
  matcher: ["/((?!_next/static|admin/stories/import/upload).*)"],
};
