import { describe, expect, it } from "@jest/globals";
import { slugify, uniqueSlug } from "@/lib/text/slug";

describe("slugify", () => {
  it.each([
    ["Bridges Nobody Inspects", "bridges-nobody-inspects"],
    ["Café à l'Été!", "cafe-a-lete"],
    ["Lena's Repair Shop", "lenas-repair-shop"],
    ["Lena’s Repair Shop", "lenas-repair-shop"],
    ["Q&A: Batteries", "q-and-a-batteries"],
    ["  --Hello--  ", "hello"],
    ["日本語", "untitled"],
    ["", "untitled"],
  ])("%j → %j", (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it("stays within 80 characters without a trailing hyphen", () => {
    const slug = slugify(`${"a".repeat(79)} b`);
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).not.toMatch(/-$/);
  });
});

describe("uniqueSlug", () => {
  it("numbers a taken slug from 2", async () => {
    const taken = new Set(["episode", "episode-2"]);
    expect(await uniqueSlug("episode", (slug) => taken.has(slug))).toBe("episode-3");
    expect(await uniqueSlug("fresh", (slug) => taken.has(slug))).toBe("fresh");
  });
});
