// What proxy.ts hands Next as the nonce for its own scripts (lib/http/script-nonce.ts): in production the deployment's
// mark, whatever the client sent; under `next dev`, a fresh nonce per request, with the policy that names it.
import { afterEach, describe, expect, it } from "@jest/globals";
import { NextRequest } from "next/server";
import { newNonceMark } from "@/lib/security/content-security-policy";

const MARK = newNonceMark();
process.env.CSP_NONCE_MARK = MARK;
const { withScriptNonce } = await import("@/lib/http/script-nonce");

// The request headers Next will see, as NextResponse.next({ request }) passes them on.
const forwarded = (response: Response, name: string) => response.headers.get(`x-middleware-request-${name}`);
const hostile = () => new NextRequest("http://localhost/episodes/a", { headers: { "content-security-policy": "script-src 'nonce-chosen-by-a-client'" } });
const nodeEnv = process.env.NODE_ENV;

afterEach(() => {
  Object.assign(process.env, { NODE_ENV: nodeEnv });
});

describe("the nonce Next stamps", () => {
  it("is the deployment's mark in production, never what a client sent, and the front sends the policy", () => {
    const response = withScriptNonce(hostile());
    expect(forwarded(response, "content-security-policy")).toContain(`'nonce-${MARK}'`);
    expect(forwarded(response, "content-security-policy")).not.toContain("chosen-by-a-client");
    expect(response.headers.get("content-security-policy")).toBeNull();
  });

  it("is fresh for every request under next dev, with the policy, which allows what dev needs", () => {
    Object.assign(process.env, { NODE_ENV: "development" });
    const [first, second] = [withScriptNonce(hostile()), withScriptNonce(hostile())];
    const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonceOf(first)).toBeTruthy();
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(forwarded(first, "content-security-policy")).toBe(first.headers.get("content-security-policy"));
    expect(first.headers.get("content-security-policy")).toMatch(/'unsafe-eval'.*connect-src 'self' ws: wss:/);
  });
});
