// The nonce Next stamps on its own tags: in production the secret mark the front replaces per response; under
// `next dev` a fresh one per request. A client's header is never used: it would choose the nonce of a cached page.
import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { getEnv } from "@/lib/env";
import { contentSecurityPolicy, isFramable, newNonce } from "@/lib/security/content-security-policy";

// Where Next reads the nonce from (a request header, as its documentation's proxy sets it).
const NONCE_SOURCE = "content-security-policy";

export function withScriptNonce(request: NextRequest): NextResponse {
  const development = process.env.NODE_ENV === "development";
  const nonce = development ? newNonce() : getEnv().CSP_NONCE_MARK;
  const headers = new Headers(request.headers);
  headers.delete(NONCE_SOURCE);
  headers.delete(`${NONCE_SOURCE}-report-only`);
  if (!nonce) return NextResponse.next({ request: { headers } });
  const policy = contentSecurityPolicy(nonce, { framable: isFramable(request.nextUrl.pathname), development });
  headers.set(NONCE_SOURCE, policy);
  const response = NextResponse.next({ request: { headers } });
  if (development) response.headers.set(NONCE_SOURCE, policy);
  return response;
}
