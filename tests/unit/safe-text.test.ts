import { describe, expect, it } from "@jest/globals";
import { cutText, postgresSafe, postgresSafeText } from "@/lib/text/safe-text";

describe("postgresSafeText", () => {
  it("replaces NUL and lone surrogates, and keeps pairs and everything else", () => {
    expect(postgresSafeText("a\u0000b\uD800c\uDC00d🎙️")).toBe("a\uFFFDb\uFFFDc\uFFFDd🎙️");
    const clean = "Café ☕ 👩‍👩‍👧‍👦";
    expect(postgresSafeText(clean)).toBe(clean);
  });
});

describe("postgresSafe", () => {
  it("mends strings deep in plain objects and arrays, leaving other values and untouched objects as they are", () => {
    const date = new Date(0);
    const untouched = { a: "fine" };
    const value = { title: "x\u0000", nested: [{ name: "\uDBFF" }, 3, null], date, length: 5n, untouched };
    const safe = postgresSafe(value);
    expect(safe).toEqual({ title: "x\uFFFD", nested: [{ name: "\uFFFD" }, 3, null], date, length: 5n, untouched });
    expect(safe.date).toBe(date);
    expect(safe.untouched).toBe(untouched);
    expect(value.title).toBe("x\u0000");
  });
});

describe("cutText", () => {
  it("never ends inside a surrogate pair", () => {
    expect(cutText("ab🎙", 3)).toBe("ab");
    expect(cutText("ab🎙", 4)).toBe("ab🎙");
    expect(cutText("abc", 2)).toBe("ab");
    for (let max = 0; max < 12; max += 1) expect(cutText("🛰️x𝔪𝔞y", max).isWellFormed()).toBe(true);
  });
});
