// Proof that the Content-Security-Policy blocks what it exists to stop, whichever front serves the page: scripts put
// into an episode's notes straight in the database (as a sanitizer bypass would leave them: the importer's
// sanitizer is skipped) must not run and must be reported, while the page's own scripts (player, comments) work.
import { expect, type Page } from "@playwright/test";
import type pg from "pg";
import { INVALIDATION_CHANNEL, invalidationMessage } from "@/lib/cache/invalidation-channel.mjs";
import { episodePages } from "@/lib/cache/tags";

const HOSTILE_NOTES = [
  "<p>Notes with a surprise.</p>",
  '<script>window.__injected = "inline"</script>',
  '<script nonce="guessed">window.__injected = "with a guessed nonce"</script>',
  `<script src="data:text/javascript,window.__injected='from a src'"></script>`,
  '<link rel="preload" as="script" href="/injected.js">',
].join("");

declare global {
  interface Window {
    __injected?: string;
    __violations?: string[];
  }
}

/** Puts script into the episode's notes, refreshes its page on every instance, and gives back a way to undo it. */
export async function injectScripts(database: pg.Client, slug: string): Promise<() => Promise<void>> {
  const { rows } = await database.query<{ notesHtml: string }>('SELECT "notesHtml" FROM "Episode" WHERE slug = $1', [slug]);
  const refresh = () => database.query("SELECT pg_notify($1, $2)", [INVALIDATION_CHANNEL, invalidationMessage("e2e", episodePages(slug))]);
  await database.query('UPDATE "Episode" SET "notesHtml" = $1 WHERE slug = $2', [HOSTILE_NOTES, slug]);
  await refresh();
  return async () => {
    await database.query('UPDATE "Episode" SET "notesHtml" = $1 WHERE slug = $2', [rows[0]!.notesHtml, slug]);
    await refresh();
  };
}

export async function expectInjectedScriptsBlocked(page: Page, url: string) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (event) => window.__violations!.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  // The page may have been cached just before the notes changed: it shows them within moments.
  await expect(async () => {
    await page.goto(url);
    await expect(page.getByText("Notes with a surprise.")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
  // The site's own scripts run: the player plays, the comments come alive.
  await page.getByRole("region", { name: "Listen" }).getByRole("button", { name: "Play episode" }).click();
  await expect(page.getByRole("region", { name: "Player" })).toBeVisible();
  const comments = page.getByRole("region", { name: "Comments" });
  await comments.scrollIntoViewIfNeeded();
  // The interactive thread (its order menu) is code a nonce'd script loads: 'strict-dynamic' lets it in.
  await expect(comments.getByRole("combobox")).toBeVisible();
  expect(await page.evaluate(() => window.__injected)).toBeUndefined();
  await expect.poll(() => page.evaluate(() => window.__violations!.filter((violation) => violation.startsWith("script-src")).length)).toBeGreaterThanOrEqual(3);
  // The nonce of the response is on the site's scripts only.
  const nonces = await page.evaluate(() => [...document.querySelectorAll("script")].map((script) => ({ text: script.textContent ?? "", nonce: script.nonce })));
  expect(nonces.filter((script) => script.text.startsWith("window.__injected")).every((script) => script.nonce === "" || script.nonce === "guessed")).toBe(
    true,
  );
}
