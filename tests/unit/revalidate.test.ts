// What one Next process accepts from another when a change makes cached pages stale (lib/site/revalidate.ts).
import { describe, expect, it } from "@jest/globals";
import { fromPeer, peerRevalidateSchema } from "@/lib/site/revalidate";

const TOKEN = "a".repeat(64);
process.env.SHOWFRONT_PEER_TOKEN = TOKEN;

const asking = (authorization?: string) => new Request("http://127.0.0.1/api/internal/revalidate", { method: "POST", headers: authorization ? { authorization } : {} });

describe("the word between Next processes", () => {
  it("is taken only with the launcher's token", () => {
    expect(fromPeer(asking(`Bearer ${TOKEN}`))).toBe(true);
    expect(fromPeer(asking(`Bearer ${"b".repeat(64)}`))).toBe(false);
    expect(fromPeer(asking(`Bearer ${TOKEN.slice(1)}`))).toBe(false);
    expect(fromPeer(asking(TOKEN))).toBe(false);
    expect(fromPeer(asking())).toBe(false);
  });

  it("names site paths only, a bounded number of them", () => {
    expect(peerRevalidateSchema.safeParse({ targets: [{ path: "/episodes/a" }, { path: "/", type: "layout" }] }).success).toBe(true);
    for (const bad of [{}, { targets: [] }, { targets: [{ path: "https://elsewhere.example/" }] }, { targets: [{ path: "/a", type: "everything" }] }, { targets: Array.from({ length: 1001 }, () => ({ path: "/a" })) }]) {
      expect(peerRevalidateSchema.safeParse(bad).success).toBe(false);
    }
  });
});
