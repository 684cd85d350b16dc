// The policy against injected script, through the built-in front of `npm start` (the nginx front: cluster.spec.ts).
import { readFileSync } from "node:fs";
import { test } from "@playwright/test";
import pg from "pg";
import { expectInjectedScriptsBlocked, injectScripts } from "./csp";
import { E2E_DATABASE_FILE } from "./server-address";

const SLUG = "night-buses-and-the-people-who-drive-them";

test("a script that arrives through content does not run, and is reported, while the page's own scripts work", async ({ page }) => {
  const database = new pg.Client({ connectionString: readFileSync(E2E_DATABASE_FILE, "utf8").trim() });
  await database.connect();
  const undo = await injectScripts(database, SLUG);
  try {
    await expectInjectedScriptsBlocked(page, `/episodes/${SLUG}`);
  } finally {
    await undo();
    await database.end();
  }
});
