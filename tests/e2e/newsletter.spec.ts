import { expect, test } from "@playwright/test";
import { linkIn, mailTo } from "./mail";
import { E2E_ADMIN_TOKEN } from "./server-address";

test.describe.configure({ mode: "serial" });

const listener = `listener-${Date.now()}@example.com`;

test("a listener subscribes on an episode page and confirms from the e-mail", async ({ page }) => {
  await page.goto("/episodes/bridges-nobody-inspects");
  const box = page.getByRole("region", { name: "Stay up to date" });
  await expect(box.getByText("By submitting this form, you agree to receive e-mail messages from The Long Signal. You may unsubscribe at any time.")).toBeVisible();

  // A typo is pointed out in place, and what was typed stays.
  await box.getByLabel("E-mail").fill("listener@example");
  await box.getByLabel("Name (optional)").fill("Ada Listener");
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(box.getByText("That does not look like an e-mail address: check it for typos.")).toBeVisible();
  await expect(box.getByLabel("Name (optional)")).toHaveValue("Ada Listener");

  await box.getByLabel("E-mail").fill(listener);
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(box.getByRole("status")).toContainText("Almost done: we have sent you an e-mail.");

  const confirmation = await mailTo(listener, /^Confirm your subscription to The Long Signal$/);
  // Opening the link only shows a button: a mail scanner's visit confirms nothing.
  await page.goto(linkIn(confirmation, "/newsletter/confirm?token="));
  await expect(page.getByRole("heading", { level: 1, name: "Confirm your subscription" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm my subscription" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You are subscribed" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("l•••@example.com will get The Long Signal's newsletter");

  // The link works once.
  await page.goto(linkIn(confirmation, "/newsletter/confirm?token="));
  await expect(page.getByRole("heading", { level: 1, name: "This link does not work" })).toBeVisible();

  // The form tells nobody who subscribes: a subscribed address gets the very answer a new one gets.
  const answer = async (email: string) => {
    const response = await page.request.post("/api/newsletter/subscribe", { form: { email, source: "/" }, headers: { accept: "application/json", origin: new URL(page.url()).origin } });
    return { status: response.status(), body: await response.text() };
  };
  const forSubscriber = await answer(listener);
  expect(forSubscriber.status).toBe(200);
  expect(forSubscriber).toEqual(await answer(`stranger-${Date.now()}@example.com`));
});

test("the sign-up works without JavaScript too", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  const box = page.getByRole("region", { name: "Stay up to date" });
  await box.getByLabel("E-mail").fill("someone@mailinator.com");
  await box.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/newsletter\?error=invalid/);
  await expect(page.getByText("Please use an address you keep: throwaway mailboxes are not accepted.")).toBeVisible();
  await expect(page.getByLabel("E-mail")).toHaveValue("someone@mailinator.com");

  await page.getByLabel("E-mail").fill(`no-script-${Date.now()}@example.com`);
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page).toHaveURL(/\/newsletter\/check-your-inbox$/);
  await expect(page.getByRole("status")).toContainText("Almost done");
  await context.close();
});

test("the admin sends an issue; the listener unsubscribes from the link in it", async ({ page }) => {
  await page.goto("/admin/sign-in");
  await page.getByLabel("Admin token").fill(E2E_ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("link", { name: "Newsletter" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Newsletter subscribers" })).toBeVisible();
  await page.getByLabel("Address or name").fill(listener);
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("cell", { name: listener })).toBeVisible();
  const csv = await page.request.get(`/admin/newsletter/subscribers.csv?q=${encodeURIComponent(listener)}`);
  expect(await csv.text()).toContain(`${listener},Ada Listener,CONFIRMED`);

  await page.getByRole("link", { name: "Issues: compose and send →" }).click();
  await page.getByLabel("A few words before the list (optional, plain text)").fill("Thanks for listening.");
  await page.getByRole("button", { name: "Compose and preview" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "The Long Signal: new episodes and stories" })).toBeVisible();
  await expect(page.frameLocator('iframe[title="E-mail preview"]').getByText("Bridges Nobody Inspects")).toBeVisible();

  // A test first, to the admin's own address: nobody else gets it.
  const testAsked = Date.now();
  await page.getByLabel("Send a test to").fill("producer-test@example.com");
  await page.getByRole("button", { name: "Send a test" }).click();
  await expect(page.getByText("A test went to producer-test@example.com; nobody else got it.")).toBeVisible();
  const test = await mailTo("producer-test@example.com", /^\[Test\] The Long Signal: new episodes and stories/, testAsked);
  expect(test.text).toContain("Thanks for listening.");

  // Sending asks for a confirmation beside the number of people it goes to.
  await page.getByRole("button", { name: "Send to subscribers" }).click();
  await expect(page.getByText("confirm: Tick the box to confirm: the issue goes to every subscriber named.")).toBeVisible();
  await page.getByRole("checkbox", { name: /Yes, send it now to \d+ subscribers?/ }).check();
  await page.getByRole("button", { name: "Send to subscribers" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Sent" })).toBeVisible({ timeout: 20_000 });

  const issue = await mailTo(listener, /new episodes and stories/);
  expect(issue.text).toContain("Thanks for listening.");
  expect(issue.listUnsubscribePost).toBe("List-Unsubscribe=One-Click");
  expect(issue.listUnsubscribe).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/newsletter\/unsubscribe\?t=.+>$/);

  await page.goto(linkIn(issue, "/newsletter/unsubscribe?t="));
  await expect(page.getByRole("heading", { level: 1, name: "Unsubscribe" })).toBeVisible();
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You are unsubscribed" })).toBeVisible();
  await expect(page.getByRole("status")).toContainText("l•••@example.com will get no more e-mail");
});
