import { describe, expect, it } from "@jest/globals";
import { neutralDisplayName, shownName } from "@/lib/people/display-names";
import { displayNameSchema } from "@/lib/validations/people";

describe("display names", () => {
  it("a new account's is neutral and says nothing of the person", () => {
    const names = new Set(Array.from({ length: 50 }, () => neutralDisplayName()));
    expect([...names].every((name) => /^Listener [A-Z2-9]{6}$/.test(name))).toBe(true);
    expect(names.size).toBe(50);
    expect(shownName({ id: "cmabc123xyz789", name: null })).toBe("Listener XYZ789");
  });

  it.each([
    ["  Ada   Lovelace ", "Ada Lovelace"],
    ["José-María O'Neil", "José-María O'Neil"],
    ["Zoë_2", "Zoë_2"],
    ["李小龙", "李小龙"],
  ])("takes %j as %j", (input, shown) => {
    expect(displayNameSchema.parse(input)).toBe(shown);
  });

  it.each(["a", "ada@example.com", "12345", "x".repeat(41), "Admin", "moderator Bob", "<b>Ada</b>", "Ada\u200bLovelace", "https://spam.example"])(
    "refuses %j",
    (input) => {
      expect(displayNameSchema.safeParse(input).success).toBe(false);
    },
  );
});
