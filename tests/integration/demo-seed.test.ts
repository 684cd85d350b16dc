import { beforeEach, describe, expect, it } from "@jest/globals";
import { prisma } from "@/lib/db";
import { seedDemoContent } from "@/lib/demo/seed";
import { resetDatabase } from "../setup/database";

beforeEach(resetDatabase);

describe("seedDemoContent", () => {
  it("fills an empty database once, and leaves one with content alone", async () => {
    const steps: string[] = [];
    expect(await seedDemoContent((step) => steps.push(step))).toBe(true);
    expect(steps.length).toBeGreaterThan(0);
    const counts = { shows: await prisma.show.count(), episodes: await prisma.episode.count(), stories: await prisma.story.count() };
    expect(counts).toEqual({ shows: 1, episodes: 8, stories: 5 });
    expect(await prisma.category.count()).toBeGreaterThan(0);

    expect(await seedDemoContent()).toBe(false);
    expect(await prisma.episode.count()).toBe(8);
    expect(await prisma.story.count()).toBe(5);
  });
});
