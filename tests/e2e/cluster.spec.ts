// Two instances of the site on one database behind Debian's nginx with deploy/nginx.conf (tests/e2e/cluster-server.ts):
// what one instance writes, the other serves; sessions, rate limits and jobs are the database's, so they hold across
// both; the visitor's own address reaches the rate limiter; the CSP nonce is fresh per response through nginx.
import { readFileSync } from "node:fs";
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { expectInjectedScriptsBlocked, injectScripts } from "./csp";
import { CLUSTER } from "./server-address";

const [A, B] = CLUSTER.instancePorts.map((port) => `http://127.0.0.1:${port}`) as [string, string];
const EPISODE = "/episodes/bridges-nobody-inspects";

test.describe.configure({ mode: "serial" });

let database: pg.Client;
test.beforeAll(async () => {
  database = new pg.Client({ connectionString: readFileSync(CLUSTER.databaseFile, "utf8").trim() });
  await database.connect();
});
test.afterAll(async () => {
  await database.end();
});

/** The sign-in link the site kept in its outbox for `email` (no SMTP server here). */
async function signInLink(email: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const { rows } = await database.query<{ text: string }>('SELECT "text" FROM "OutboxMessage" WHERE "to" = $1 ORDER BY "createdAt" DESC LIMIT 1', [
          email,
        ]);
        return (link = /https?:\/\/\S+\/api\/auth\/callback\/email\S+/.exec(rows[0]?.text ?? "")?.[0]);
      },
      { timeout: 15_000 },
    )
    .toBeTruthy();
  return link!;
}

async function signIn(page: Page, email: string) {
  await page.goto(`${CLUSTER.baseUrl}/signin?callbackUrl=/account`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  await page.goto(await signInLink(email));
  await expect(page).toHaveURL(/\/account$/);
}

test("a session made through nginx holds on both instances, and a comment posted on one is served by the other", async ({ page }) => {
  const email = `cluster-${Date.now()}@example.com`;
  await signIn(page, email);
  for (const instance of [A, B]) {
    const account = await page.request.get(`${instance}/account`, { maxRedirects: 0 });
    expect(account.status(), instance).toBe(200);
    expect(await account.text()).toContain(email);
  }

  // The episode page is in B's cache (and nginx's) before the comment is written on A.
  await page.request.get(`${B}${EPISODE}`);
  expect((await page.request.get(`${B}${EPISODE}`)).headers()["x-nextjs-cache"]).toBe("HIT");
  const body = `Heard on A, read on B ${Date.now()}`;
  const posted = await page.request.post(`${A}/api/comments`, {
    form: { kind: "episode", slug: EPISODE.split("/").at(-1)!, body, shownAt: String(Date.now() - 10_000), website: "" },
    headers: { origin: CLUSTER.baseUrl },
  });
  expect(posted.status()).toBe(201);
  await expect.poll(async () => (await page.request.get(`${B}${EPISODE}`)).text(), { timeout: 10_000 }).toContain(body);
  await expect.poll(async () => (await page.request.get(`${CLUSTER.baseUrl}${EPISODE}`)).text(), { timeout: 10_000 }).toContain(body);
});

test("a sync asked for through nginx runs once, though both instances run the job queue", async ({ page }) => {
  await page.goto(`${CLUSTER.baseUrl}/admin/sign-in`);
  await page.getByLabel("Admin token").fill(CLUSTER.adminToken);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await page.goto(new URL("/admin/feeds", page.url()).toString());
  await expect(page.getByRole("heading", { level: 1, name: "Feeds" })).toBeVisible();
  // The site's own podcast feed, as a show's feed to follow.
  const feed = `${A}/shows/the-long-signal/feed.xml`;
  await page.getByLabel("Feed or show page address").fill(feed);
  await page.getByLabel("Kind").selectOption("PODCAST");
  await page.getByRole("button", { name: "Add and import" }).click();
  await expect(page.getByText(/^Added /)).toBeVisible({ timeout: 20_000 });
  await page.reload();
  const asked = new Date();
  // The demo show has no podcast source of its own (its platform sources are paused): this is the one to sync.
  await page.getByRole("region", { name: "Sources" }).getByRole("row").filter({ hasText: feed }).getByRole("button", { name: "Sync now" }).click();
  await expect(page.getByText(/Sync queued/)).toBeVisible();
  const runs = async () =>
    (await database.query<{ count: string }>('SELECT count(*) FROM "SyncRun" WHERE "startedAt" >= $1 AND "finishedAt" IS NOT NULL', [asked])).rows[0]!.count;
  await expect.poll(runs, { timeout: 20_000 }).toBe("1");
  // Both instances poll the queue every few seconds: long enough for a second run, had there been one.
  await page.waitForTimeout(5_000);
  expect(await runs()).toBe("1");
});

/** A request to nginx from 127.0.0.2, so this test's visitor has an address of its own. */
function fromElsewhere(path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(
      `${CLUSTER.baseUrl}${path}`,
      { localAddress: "127.0.0.2", method: init.method ?? "GET", headers: init.headers },
      (response) => {
        let body = "";
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      },
    );
    request.on("error", reject);
    request.end(init.body);
  });
}

test("the sign-in mail limit per network holds across both instances and counts the address nginx saw, not one a client claims", async () => {
  const csrf = await fromElsewhere("/api/auth/csrf");
  const cookie = (csrf.headers["set-cookie"] ?? []).map((line) => line.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const run = Date.now();
  const addresses = Array.from({ length: 22 }, (_, index) => `limit-${run}-${index}@example.com`);
  for (const [index, email] of addresses.entries()) {
    const answer = await fromElsewhere("/api/auth/signin/email", {
      method: "POST",
      // A different claimed address every time: were it believed, no two requests would share a network.
      headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: CLUSTER.baseUrl, "x-forwarded-for": `198.51.100.${index + 1}` },
      body: new URLSearchParams({ csrfToken, email, callbackUrl: "/" }).toString(),
    });
    expect(answer.status, email).toBeLessThan(400);
  }
  await expect
    .poll(
      async () => Number((await database.query<{ count: string }>('SELECT count(*) FROM "OutboxMessage" WHERE "to" = ANY($1)', [addresses])).rows[0]!.count),
      { timeout: 10_000 },
    )
    .toBe(20);
});

test("through nginx every response has a nonce of its own, cached copies too, and the mark never shows", async ({ request }) => {
  const nonces = new Set<string>();
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const response = await request.get(`${CLUSTER.baseUrl}${EPISODE}`);
    const nonce = /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"] ?? "")?.[1];
    const html = await response.text();
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/sfnonce[0-9a-f]{48}/);
    nonces.add(nonce!);
  }
  expect(nonces.size).toBe(3);
  const payload = await request.get(`${CLUSTER.baseUrl}${EPISODE}?_rsc=1`, { headers: { rsc: "1" } });
  expect(payload.headers()["content-type"]).toContain("text/x-component");
  expect(await payload.text()).not.toMatch(/sfnonce[0-9a-f]{48}/);
});

test("through nginx a script that arrives through content does not run, and is reported, while the page's own scripts work", async ({ page }) => {
  const slug = "night-buses-and-the-people-who-drive-them";
  const undo = await injectScripts(database, slug);
  try {
    await expectInjectedScriptsBlocked(page, `${CLUSTER.baseUrl}/episodes/${slug}`);
  } finally {
    await undo();
  }
});
