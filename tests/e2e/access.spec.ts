// Every route under app/, found from the file tree (a new page is walked without editing this test), requested as
// anonymous, reader, banned reader, moderator and admin, plainly and as an RSC request: no answer may carry data
// its role may not see (a held comment, its author's address, a subscriber's address), and none may be a 500.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type APIRequestContext } from "@playwright/test";
import pg from "pg";
import { discoverRoutes, routeAddress } from "../setup/routes";
import { E2E_BASE_URL, E2E_DATABASE_FILE } from "./server-address";

const EPISODE = "the-quiet-economics-of-repair-shops";
const mark = randomBytes(6).toString("hex");
const SENTINEL = {
  heldComment: `Held sentinel ${mark} for moderators only`,
  authorEmail: `sentinel-author-${mark}@example.com`,
  subscriberEmail: `sentinel-subscriber-${mark}@example.com`,
};
type Role = "anonymous" | "reader" | "banned" | "moderator" | "admin";
const ROLES: Role[] = ["anonymous", "reader", "banned", "moderator", "admin"];
/** What each role may see; everything else must never reach it. */
const MAY_SEE: Record<Role, (keyof typeof SENTINEL)[]> = {
  anonymous: [],
  reader: [],
  banned: [],
  moderator: ["heldComment", "authorEmail"],
  admin: ["heldComment", "authorEmail", "subscriberEmail"],
};
// Values for the dynamic segments, by name: the episode the held comment is under, anything else a plain word.
const SEGMENT_VALUES: Record<string, string> = { slug: EPISODE };

const ROUTES = discoverRoutes().map((route) => routeAddress(route, (name) => SEGMENT_VALUES[name] ?? "unknown"));
let database: pg.Client;
const sessions = new Map<Role, string>();

test.beforeAll(async () => {
  database = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_FILE, "utf8").trim() });
  await database.connect();
  const person = async (id: string, email: string, role: "READER" | "MODERATOR" | "ADMIN", banned = false) => {
    await database.query(`INSERT INTO "User" ("id", "email", "role", "bannedAt") VALUES ($1, $2, $3, $4)`, [id, email, role, banned ? new Date() : null]);
    return id;
  };
  // The author is none of the walking roles: a reader sees their own held comment, by design.
  const author = await person(`e2e-author-${mark}`, SENTINEL.authorEmail, "READER");
  const { rows } = await database.query<{ id: string }>(`SELECT "id" FROM "Episode" WHERE "slug" = $1`, [EPISODE]);
  await database.query(
    `INSERT INTO "Comment" ("id", "episodeId", "authorId", "body", "status", "heldReason") VALUES ($1, $2, $3, $4, 'PENDING', 'The commenter''s first comment.')`,
    [`e2e-held-${mark}`, rows[0]!.id, author, SENTINEL.heldComment],
  );
  await database.query(
    `INSERT INTO "Subscriber" ("id", "email", "status", "consentText", "consentAt", "consentSource", "consentMethod", "confirmedAt", "updatedAt") VALUES ($1, $2, 'CONFIRMED', 'e2e', now(), '/', 'FORM', now(), now())`,
    [`e2e-sub-${mark}`, SENTINEL.subscriberEmail],
  );
  for (const role of ROLES.filter((role) => role !== "anonymous")) {
    const userId = await person(
      `e2e-${role}-${mark}`,
      `e2e-${role}-${mark}@example.com`,
      role === "admin" ? "ADMIN" : role === "moderator" ? "MODERATOR" : "READER",
      role === "banned",
    );
    const token = randomBytes(24).toString("hex");
    await database.query(`INSERT INTO "Session" ("id", "sessionToken", "userId", "expires") VALUES ($1, $2, $3, now() + interval '1 hour')`, [
      `e2e-session-${role}-${mark}`,
      token,
      userId,
    ]);
    sessions.set(role, token);
  }
});

test.afterAll(async () => {
  await database.query(`DELETE FROM "Comment" WHERE "id" = $1`, [`e2e-held-${mark}`]);
  await database.query(`DELETE FROM "Subscriber" WHERE "id" = $1`, [`e2e-sub-${mark}`]);
  await database.query(`DELETE FROM "User" WHERE "id" LIKE $1`, [`e2e-%-${mark}`]);
  await database.end();
});

// An RSC request asks for the page's payload alone, as client navigation does; the router state names the root.
const RSC_HEADERS = { rsc: "1", "next-router-state-tree": encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }])) };

/**
 * A GET as the role makes it, redirects not followed (a leak rides in a redirect's body), except Next's own answer
 * to an RSC request without its cache-busting `_rsc` parameter: the same address with it, which is asked again.
 */
async function fetchAs(request: APIRequestContext, route: string, headers: Record<string, string>) {
  const answer = await request.get(route, { headers, maxRedirects: 0 });
  const location = answer.headers().location ?? "";
  if (headers.rsc && answer.status() === 307 && new URL(location, E2E_BASE_URL).searchParams.has("_rsc"))
    return request.get(location, { headers, maxRedirects: 0 });
  return answer;
}

async function walk(request: APIRequestContext, role: Role) {
  const cookie: Record<string, string> = sessions.has(role) ? { cookie: `next-auth.session-token=${sessions.get(role)}` } : {};
  const leaks: string[] = [];
  const failures: string[] = [];
  const bodies = new Map<string, string>();
  for (const route of ROUTES) {
    const modes: [string, Record<string, string>][] = [
      ["plain", {}],
      ["rsc", RSC_HEADERS],
    ];
    for (const [mode, headers] of modes) {
      const answer = await fetchAs(request, route, { ...headers, ...cookie });
      const body = await answer.text();
      bodies.set(`${mode} ${route}`, body);
      if (answer.status() >= 500) failures.push(`${mode} ${route}: ${answer.status()}`);
      for (const [name, value] of Object.entries(SENTINEL)) {
        if (!MAY_SEE[role].includes(name as keyof typeof SENTINEL) && body.includes(value))
          leaks.push(`${mode} ${route} (${answer.status()}) carries the ${name}`);
      }
    }
  }
  return { leaks, failures, bodies };
}

test.describe("who sees what, on every route", () => {
  test.describe.configure({ timeout: 240_000 });

  test("the walk covers the admin, the account and the public pages", () => {
    expect(ROUTES).toEqual(
      expect.arrayContaining([
        "/admin/comments",
        "/admin/newsletter",
        "/admin/newsletter/subscribers.csv",
        "/account",
        `/episodes/${EPISODE}`,
        "/api/comments/viewer",
      ]),
    );
  });

  for (const role of ROLES) {
    test(`as ${role}: no answer carries what the role may not see, and none is a 500`, async ({ playwright }) => {
      const request = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
      const { leaks, failures, bodies } = await walk(request, role);
      expect(leaks).toEqual([]);
      expect(failures).toEqual([]);
      // The sentinels are real: the roles that may see them do, where the admin shows them.
      if (role === "moderator" || role === "admin")
        for (const mode of ["plain", "rsc"]) expect(bodies.get(`${mode} /admin/comments`)).toContain(SENTINEL.heldComment);
      if (role === "admin") expect(bodies.get("plain /admin/newsletter/subscribers.csv")).toContain(SENTINEL.subscriberEmail);
      await request.dispose();
    });
  }
});
