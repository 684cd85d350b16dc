// A show's page and a person's page read what the feeds gave: the show's platforms and episodes, the episodes a
// person is named on (whatever else the persons column holds).
import { beforeEach, describe, expect, it } from "@jest/globals";
import { prisma } from "@/lib/db";
import { getPerson, listPersonSlugs } from "@/lib/people/people";
import { getShowPage } from "@/lib/shows/shows";
import { resetDatabase } from "../setup/database";
import { createEpisode, createShow } from "../setup/factories";

beforeEach(resetDatabase);

describe("person pages", () => {
  it("list the episodes a person is on, newest first, under one slug for the name", async () => {
    const show = await createShow();
    const older = await createEpisode({
      showId: show.id,
      publishedAt: new Date("2026-01-01"),
      persons: [{ name: "Lena Marsh", role: "guest", href: "https://lena.example/" }],
    });
    const newer = await createEpisode({
      showId: show.id,
      publishedAt: new Date("2026-02-01"),
      persons: [
        { name: "Maya Okafor", role: "host" },
        { name: "Lena Marsh", role: "Guest" },
      ],
    });
    await createEpisode({ showId: show.id, persons: [{ name: "Someone Else" }] });
    // What an older import or a hand edit may have left: not an array, an entry without a name.
    await prisma.episode.create({
      data: { guid: "odd", slug: "odd", title: "Odd", publishedAt: new Date(), showId: show.id, persons: { name: "Lena Marsh" } },
    });
    await createEpisode({ showId: show.id, persons: [{ role: "guest" }, "Lena Marsh"] });

    const person = await getPerson("lena-marsh");
    expect(person).toMatchObject({ name: "Lena Marsh", href: "https://lena.example/", roles: ["guest"] });
    expect(person!.episodes.map((episode) => episode.slug)).toEqual([newer.slug, older.slug]);
    expect(await getPerson("nobody-here")).toBeNull();
    expect(await listPersonSlugs()).toEqual(["lena-marsh", "maya-okafor", "someone-else"]);
  });
});

describe("show pages", () => {
  it("give the show with its platform pages", async () => {
    const show = await createShow({ title: "Harbor Hours", description: "Ports.", appleUrl: "https://podcasts.apple.com/us/podcast/harbor/id123456789" });
    expect(await getShowPage(show.slug)).toMatchObject({
      title: "Harbor Hours",
      description: "Ports.",
      appleUrl: "https://podcasts.apple.com/us/podcast/harbor/id123456789",
      demo: false,
    });
    expect(await getShowPage("no-such-show")).toBeNull();
  });
});
