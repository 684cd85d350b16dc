import { describe, expect, it } from "@jest/globals";
import { BODY_LIMITS, guardRequest, wellFormedAddress } from "@/lib/http/request-guard";

const SITE = "http://localhost:3000";
const action = (path: string, headers: Record<string, string>) =>
  new Request(`${SITE}${path}`, { method: "POST", headers: { "next-action": "abc123", origin: SITE, ...headers } });

describe("the request guard", () => {
  it.each([
    "/episodes/%ff",
    "/stories/%ED%A0%80",
    "/shows/%ff/feed.xml",
    "/category/%ff/%00",
    "/episodes/a%00b",
    "/search?q=%ff",
    "/search?q=a%00b",
    "/search?%ff=1",
    "/episodes?page=%E2%82",
    "/x?q=%",
  ])("refuses %s with 400", (path) => {
    expect(wellFormedAddress(new URL(`${SITE}${path}`))).toBe(false);
    expect(guardRequest(new Request(`${SITE}${path}`))?.status).toBe(400);
  });

  it.each([
    "/",
    "/episodes/caf%C3%A9",
    "/search?q=caf%C3%A9+cr%C3%A8me&kind=all",
    "/search?q=100%25",
    "/stories/%F0%9F%8E%99",
    "/feed.json?a&b=",
    "/search?q=%EF%BF%BD",
  ])("lets %s through", (path) => {
    expect(guardRequest(new Request(`${SITE}${path}`))).toBeNull();
  });

  it("refuses a server action from another site, a body of unknown length and one over its page's limit", () => {
    expect(guardRequest(action("/episodes/a", { origin: "https://evil.example", "content-length": "10" }))?.status).toBe(403);
    expect(guardRequest(action("/episodes/a", { "transfer-encoding": "chunked" }))?.status).toBe(411);
    expect(guardRequest(action("/episodes/a", {}))).toBeNull();
    // What Next would refuse with a 500 (an Origin that is neither SITE_URL's nor the forwarded host) is a 403 here.
    expect(
      guardRequest(
        action("/episodes/a", { origin: "http://127.0.0.1:3300", host: "127.0.0.1:3300", "x-forwarded-host": "evil.example", "content-length": "10" }),
      )?.status,
    ).toBe(403);
    expect(guardRequest(action("/episodes/a", { origin: "http://127.0.0.1:3300", host: "127.0.0.1:3300", "content-length": "10" }))).toBeNull();
    expect(guardRequest(action("/episodes/a", { "content-length": String(BODY_LIMITS.action + 1) }))?.status).toBe(413);
    expect(guardRequest(action("/episodes/a", { "content-length": "1e9" }))?.status).toBe(413);
    expect(guardRequest(action("/episodes/a", { "content-length": String(BODY_LIMITS.action) }))).toBeNull();
  });

  it("gives the admin's upload pages 12 MB, and only to a request with a staff cookie", () => {
    const big = { "content-length": String(10 * 1024 * 1024) };
    expect(guardRequest(action("/admin/stories/new", { ...big, cookie: "showfront_admin=x" }))).toBeNull();
    expect(guardRequest(action("/admin/newsletter", { ...big, cookie: "a=b; next-auth.session-token=x" }))).toBeNull();
    expect(guardRequest(action("/admin/stories/new", big))?.status).toBe(413);
    expect(guardRequest(action("/admin/feeds", { ...big, cookie: "showfront_admin=x" }))?.status).toBe(413);
    expect(guardRequest(action("/admin/stories-evil", { ...big, cookie: "showfront_admin=x" }))?.status).toBe(413);
  });

  it("holds a route handler's body to a form's size, and leaves its origin check to the route", () => {
    const post = (headers: Record<string, string>) => new Request(`${SITE}/api/newsletter/preferences`, { method: "POST", headers });
    expect(guardRequest(post({ origin: "https://evil.example", "content-length": "100" }))).toBeNull();
    expect(guardRequest(post({ "content-length": String(BODY_LIMITS.route) }))).toBeNull();
    expect(guardRequest(post({ "content-length": String(BODY_LIMITS.route + 1) }))?.status).toBe(413);
    expect(guardRequest(post({ "transfer-encoding": "chunked" }))?.status).toBe(411);
    // A route's limit, not an action's: a next-action header on a GET does not raise it.
    expect(
      guardRequest(new Request(`${SITE}/api/comments`, { method: "GET", headers: { "next-action": "x", "content-length": String(BODY_LIMITS.route + 1) } }))
        ?.status,
    ).toBe(413);
  });
});

describe("the request guard on RSC requests", () => {
  const rsc = (tree: string) => new Request(`${SITE}/episodes`, { headers: { rsc: "1", "next-router-state-tree": tree } });
  it("refuses a router state Next cannot parse, and lets a real one through", () => {
    for (const bad of [
      "garbage%%",
      encodeURIComponent("{}"),
      encodeURIComponent('["",{"children":5}]'),
      encodeURIComponent('["",{},null,null,true]'),
      "x".repeat(50_000),
    ])
      expect(guardRequest(rsc(bad))?.status).toBe(400);
    expect(guardRequest(rsc(encodeURIComponent(JSON.stringify(["", { children: ["episodes", { children: ["__PAGE__", {}] }] }, null, null, 1]))))).toBeNull();
  });
});
