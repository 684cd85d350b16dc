// The whole path from feed bytes to rows (tests/fuzz/feed-import.ts) on a few hundred random feeds; `npm run fuzz`
// runs it 100,000 times.
import { beforeEach, it } from "@jest/globals";
import fc from "fast-check";
import { feedImportProperty } from "../fuzz/feed-import";
import { resetDatabase } from "../setup/database";

beforeEach(async () => {
  await resetDatabase();
});

it("imports or refuses any feed bytes, never failing on a value and never storing text Postgres would refuse", async () => {
  const { property } = await feedImportProperty();
  await fc.assert(property as fc.IAsyncProperty<[unknown]>, { numRuns: 300 });
}, 180_000);
