// The generated share card draws with its own font only: a title full of emoji, other scripts or U+FFFD makes no
// request to a glyph CDN (which answered a 500 where the server has no way out), and the card still renders.
import { afterEach, expect, it, jest } from "@jest/globals";
import { ogCard } from "@/components/og/og-card";

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

it("renders a card for a title of emoji, lone-surrogate replacements and other scripts without fetching anything", async () => {
  // next/og reads its own wasm through a data: URL; anything over the network is what must not happen.
  const overNetwork: string[] = [];
  globalThis.fetch = jest.fn(async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith("data:")) return realFetch(input, init);
    overNetwork.push(url);
    throw new Error("no network in this test");
  }) as unknown as typeof fetch;
  const response = ogCard({ kicker: "Astral Plane Radio 🛰️", title: "Emoji 🚀 at the limit \uFFFD 中文 עברית", footer: "Ep. 1 · 2 Nov 2026" });
  const png = Buffer.from(await response.arrayBuffer());
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect(overNetwork).toEqual([]);
});
