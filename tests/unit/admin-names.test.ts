import { describe, expect, it } from "@jest/globals";
import { showNamer } from "@/lib/feeds/admin";

describe("show names in the admin's menus and logs", () => {
  it("add the show's address only when another show has the same title", () => {
    const shows = [
      { slug: "the-long-signal", title: "The Long Signal" },
      { slug: "harbor-hours", title: "Harbor Hours" },
      { slug: "harbor-hours-2", title: "Harbor Hours" },
    ];
    const name = showNamer(shows);
    expect(shows.map(name)).toEqual(["The Long Signal", "Harbor Hours (/shows/harbor-hours)", "Harbor Hours (/shows/harbor-hours-2)"]);
  });
});
