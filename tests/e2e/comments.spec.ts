import { expect, test, type Page } from "@playwright/test";
import { linkIn, mailTo } from "./mail";
import { E2E_ADMIN_EMAIL, E2E_ADMIN_TOKEN } from "./server-address";

// Each test signs in by e-mail (one or two people) and waits for a human pause: on a loaded machine 30 s is too little.
test.describe.configure({ mode: "serial", timeout: 60_000 });

const EPISODE = "/episodes/the-quiet-economics-of-repair-shops";
const reader = `commenter-${Date.now()}@example.com`;
// The name the reader chooses with their first comment: what the site shows, never a part of the address.
const shownAs = "Ada Commenter";
// A comment form refuses posts made faster than a person types (bots): wait that long before posting.
const HUMAN_PAUSE_MS = 3200;

async function signInByEmail(page: Page, email: string, then: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(then)}`);
  await page.getByLabel("E-mail").fill(email);
  const asked = Date.now();
  await page.getByRole("button", { name: "E-mail me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your e-mail" })).toBeVisible();
  const mail = await mailTo(email, /^Sign in to The Long Signal$/, asked);
  await page.goto(linkIn(mail, "/api/auth/callback/email"));
  await expect(page).toHaveURL((url) => url.pathname === then);
  // The session cookie is out of scripts' reach and not sent by other sites' forms (Secure too on an https site).
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith("next-auth.session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
}

async function openModerationQueue(page: Page) {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await page.goto(new URL("/admin/feeds", page.url()).toString());
  await expect(page.getByRole("heading", { level: 1, name: "Feeds" })).toBeVisible();
  await page.getByRole("link", { name: "Comments" }).click();
}

async function approveAll(page: Page) {
  // An admin by account: ADMIN_EMAILS makes them one when they sign in.
  await signInByEmail(page, E2E_ADMIN_EMAIL, "/admin/comments");
  await expect(page.getByRole("heading", { name: "Comments to review" })).toBeVisible();
  await expect(page.getByRole("checkbox").first()).toBeVisible();
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByText("Nothing waits: no held comments and no open reports.")).toBeVisible();
}

test("a listener signs in from the e-mailed link, comments, and a moderator lets the first comment through", async ({ page, browser }) => {
  await signInByEmail(page, reader, EPISODE);
  const comments = page.getByRole("region", { name: "Comments" });
  // Who is reading is asked for when the comments come near.
  await comments.scrollIntoViewIfNeeded();
  await expect(comments.getByLabel("Your comment")).toBeVisible();
  // A first comment asks for the name to be shown by, offering a neutral one.
  const name = comments.getByLabel("Your name, as others see it");
  await expect(name).toHaveValue(/^Listener [A-Z0-9]{6}$/);
  await name.fill(shownAs);
  await page.waitForTimeout(HUMAN_PAUSE_MS);
  await comments.getByLabel("Your comment").fill("Parts pairing is the real story here.\nThanks for https://example.org/repair-guide.");
  await comments.getByRole("button", { name: "Post comment" }).click();
  await expect(comments.getByText("Thanks: your comment appears once a moderator has read it.")).toBeVisible();
  await expect(comments.getByText("Waiting for a moderator")).toBeVisible();

  const admin = await browser.newPage();
  await approveAll(admin);
  await admin.close();

  await page.reload();
  await comments.scrollIntoViewIfNeeded();
  const mine = page.getByRole("article", { name: `Comment by ${shownAs}` });
  await expect(mine.getByText("Parts pairing is the real story here.")).toBeVisible();
  await expect(page.getByText(reader.slice(0, reader.indexOf("@")))).toHaveCount(0);
  // Plain text with its link made a link of our own, marked as user content.
  await expect(mine.getByRole("link", { name: "https://example.org/repair-guide" })).toHaveAttribute("rel", "nofollow ugc noopener noreferrer");
});

test("the listener replies, edits, likes and reports; a hostile comment renders as text", async ({ page }) => {
  await signInByEmail(page, reader, EPISODE);
  const comments = page.getByRole("region", { name: "Comments" });
  await comments.scrollIntoViewIfNeeded();
  const mine = comments.getByRole("article", { name: `Comment by ${shownAs}` }).first();
  await expect(mine.getByRole("button", { name: "Edit" })).toBeVisible();

  await mine.getByRole("button", { name: "Edit" }).click();
  await mine.getByLabel("Edit your comment").fill("Parts pairing is the real story here (edited).");
  await mine.getByRole("button", { name: "Save" }).click();
  await expect(mine.getByText("Parts pairing is the real story here (edited).")).toBeVisible();
  await expect(mine.getByText("(edited)", { exact: true })).toBeVisible();

  await mine.getByRole("button", { name: "Like (0)" }).click();
  await expect(mine.getByRole("button", { name: "Liked (1)" })).toHaveAttribute("aria-pressed", "true");

  await mine.getByRole("button", { name: "Reply" }).click();
  await page.waitForTimeout(HUMAN_PAUSE_MS);
  // A corpus of hostile bodies, one per line: markup, event handlers, script URLs, broken markup, template syntax.
  const corpus = [
    `<img src=x onerror="window.__pwned=1">`,
    `<script>window.__pwned=2</script>`,
    `<a href="javascript:window.__pwned=3">click me</a>`,
    `<svg onload="window.__pwned=4"><circle r=1></svg>`,
    `"><iframe src="javascript:window.__pwned=5"></iframe>`,
    `javascript:window.__pwned=6`,
    `</textarea></p><script>window.__pwned=7</script>`,
    `{{constructor.constructor('window.__pwned=8')()}} \${window.__pwned=9}`,
    `<style>body{display:none}</style><b onmouseover=window.__pwned=10>bold</b>`,
  ];
  await mine.getByLabel("Your reply").fill(corpus.join("\n"));
  await mine.getByRole("button", { name: "Reply", exact: true }).last().click();
  const reply = mine.getByRole("article").filter({ hasText: "<script>window.__pwned=2</script>" });
  await expect(reply).toBeVisible();
  // Every line is shown as the text it is, and nothing in it became an element.
  for (const line of corpus) await expect(reply.getByText(line, { exact: false }).first()).toBeVisible();
  await expect(reply.locator("img, script, svg, iframe, style, b")).toHaveCount(0);
  await expect(reply.getByRole("link")).toHaveCount(0);
  await reply.hover();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator("body")).toBeVisible();

  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(page.locator("#comments ~ * img[src='x'], article img[src='x']")).toHaveCount(0);
});

test("an app posts a comment over HTTP with the reader's session; without one it is told to sign in", async ({ page, request }) => {
  const fields = { kind: "episode", slug: EPISODE.split("/").at(-1), body: "Posted from an app.", shownAt: String(Date.now() - 10_000) };
  const anonymous = await request.post("/api/comments", { data: fields });
  expect(anonymous.status()).toBe(401);
  await signInByEmail(page, `app-${Date.now()}@example.com`, EPISODE);
  const posted = await page.request.post("/api/comments", { data: fields });
  expect(posted.status()).toBe(201);
  expect(await posted.json()).toMatchObject({ status: "PENDING" });
  const invalid = await page.request.post("/api/comments", { data: { ...fields, body: "" } });
  expect(invalid.status()).toBe(422);
});

test("a comment one Next process takes shows on the page the other process serves, within seconds", async ({ page }) => {
  // Navigation (RSC) requests pass the edge cache; an idle site sends page loads to its first Next process and posts
  // to its last (lib/serving/edge-cache.ts), so the page is read from the process that did not take the comment.
  const pagePayload = () => page.request.get(EPISODE, { headers: { rsc: "1" } }).then((response) => response.text());
  await signInByEmail(page, E2E_ADMIN_EMAIL, EPISODE);
  const body = `Across processes ${Date.now()}`;
  expect(await pagePayload()).not.toContain(body);
  const posted = await page.request.post("/api/comments", {
    data: { kind: "episode", slug: EPISODE.split("/").at(-1), body, shownAt: String(Date.now() - 10_000) },
  });
  expect(await posted.json()).toMatchObject({ status: "APPROVED" });
  await expect.poll(pagePayload, { timeout: 5_000 }).toContain(body);
});

test("a report reaches the moderation queue with its reason", async ({ page, browser }) => {
  const other = `reporter-${Date.now()}@example.com`;
  await signInByEmail(page, other, EPISODE);
  await page.getByRole("region", { name: "Comments" }).scrollIntoViewIfNeeded();
  const comment = page
    .getByRole("region", { name: "Comments" })
    .getByRole("article", { name: `Comment by ${shownAs}` })
    .first();
  await comment.getByRole("button", { name: "Report" }).first().click();
  await comment.getByLabel("What is wrong with it?").fill("Advertising a guide");
  await comment.getByRole("button", { name: "Send report" }).click();
  await expect(comment.getByText("Reported: a moderator will look at it.")).toBeVisible();

  const admin = await browser.newPage();
  await openModerationQueue(admin);
  await expect(admin.getByText("Reported: Advertising a guide")).toBeVisible();
  await admin.close();
});

test("the listener renames themselves on their account page: a name someone shows is refused, their comments show the new one", async ({ page }) => {
  await signInByEmail(page, reader, "/account");
  const name = page.getByLabel("Your name, as others see it");
  await expect(name).toHaveValue(shownAs);
  // A demo reader's name, in other letters' case: nobody passes for someone else.
  await name.fill("priya natarajan");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText(`"priya natarajan" is someone else's name here: choose another.`)).toBeVisible();
  await name.fill("ada@example.com");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText(/an e-mail address is not a name/)).toBeVisible();
  await name.fill("Ada L.");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByText("Your comments are shown as Ada L.")).toBeVisible();

  await page.goto(EPISODE);
  const comments = page.getByRole("region", { name: "Comments" });
  await comments.scrollIntoViewIfNeeded();
  await expect(comments.getByRole("article", { name: "Comment by Ada L." }).first()).toBeVisible();
  await expect(comments.getByRole("article", { name: `Comment by ${shownAs}` })).toHaveCount(0);
  // A name chosen is not asked for again.
  await expect(comments.getByLabel("Your comment")).toBeVisible();
  await expect(comments.getByLabel("Your name, as others see it")).toHaveCount(0);
});

test("a listener signs out, and deletes their account while their comments stay", async ({ page }) => {
  const leaving = `leaving-${Date.now()}@example.com`;
  await signInByEmail(page, leaving, "/account");
  await expect(page.getByText(`Signed in as ${leaving} (Reader).`)).toBeVisible();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await page.goto("/account");
  await expect(page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === "/account");

  await signInByEmail(page, leaving, "/account");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Tick the box to confirm.")).toBeVisible();
  await page.getByLabel("Yes, delete my account").check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL((url) => url.pathname === "/");
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
});

test("posting too fast trips the limit, which resets a minute later", async ({ page }) => {
  test.setTimeout(120_000);
  await signInByEmail(page, `quick-${Date.now()}@example.com`, EPISODE);
  const comments = page.getByRole("region", { name: "Comments" });
  await comments.scrollIntoViewIfNeeded();
  // The form counts its fill time from when it is shown: the pause starts once it is there.
  await expect(comments.getByLabel("Your comment")).toBeVisible();
  await page.waitForTimeout(HUMAN_PAUSE_MS);
  const post = async (text: string) => {
    await comments.getByLabel("Your comment").fill(text);
    await comments.getByRole("button", { name: "Post comment" }).click();
  };
  for (let index = 1; index <= 5; index += 1) {
    await post(`Thought number ${index}.`);
    await expect(comments.getByText("Waiting for a moderator")).toHaveCount(index);
  }
  await post("One thought too many.");
  await expect(comments.getByText(/You are commenting faster than we allow: try again in \d+ seconds\./)).toBeVisible();
  // What was typed is still there.
  await expect(comments.getByLabel("Your comment")).toHaveValue("One thought too many.");

  await page.waitForTimeout(61_000);
  await comments.getByRole("button", { name: "Post comment" }).click();
  await expect(comments.getByText("Waiting for a moderator")).toHaveCount(6);
});
