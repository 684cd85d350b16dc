import { describe, expect, it } from "@jest/globals";
import { episodeLinkSchema, showPlatformPagesSchema } from "@/lib/validations/admin";

const show = (fields: Record<string, string>) =>
  showPlatformPagesSchema.safeParse({ showSlug: "s", appleUrl: "", spotifyUrl: "", youtubeUrl: "", rumbleUrl: "", ...fields });

describe("a show's platform pages", () => {
  it.each([
    ["appleUrl", "https://podcasts.apple.com/us/podcast/the-daily/id1200361736"],
    ["appleUrl", "https://podcasts.apple.com/podcast/id1200361736"],
    ["spotifyUrl", "https://open.spotify.com/show/3IM0lmZxpFAY7CwMuv9H4g?si=abc"],
    ["youtubeUrl", "https://www.youtube.com/@thedaily"],
    ["youtubeUrl", "https://www.youtube.com/channel/UCBi2mrWuNuyYy4gbM6fU18Q"],
    ["rumbleUrl", "https://rumble.com/c/TheShow"],
  ])("takes %s %s", (field, url) => {
    expect(show({ [field]: url })).toMatchObject({ success: true, data: { [field]: url } });
  });

  it.each([
    ["appleUrl", "https://open.spotify.com/show/3IM0lmZxpFAY7CwMuv9H4g"],
    ["appleUrl", "http://podcasts.apple.com/us/podcast/the-daily/id1200361736"],
    ["spotifyUrl", "https://open.spotify.com/episode/3IM0lmZxpFAY7CwMuv9H4g"],
    ["youtubeUrl", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"],
    ["youtubeUrl", "https://youtube.com.evil.example/@thedaily"],
    ["rumbleUrl", "javascript:alert(1)"],
  ])("refuses %s %s with a message naming the platform", (field, url) => {
    const parsed = show({ [field]: url });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toMatch(/^That is not a show's page on /);
  });

  it("clears a field left empty", () => {
    expect(show({})).toMatchObject({ success: true, data: { appleUrl: null, spotifyUrl: null, youtubeUrl: null, rumbleUrl: null } });
  });
});

describe("an episode's page, linked by hand", () => {
  it.each([
    ["apple", "https://podcasts.apple.com/us/podcast/ep/id1200361736?i=1000600000001", true],
    ["apple", "https://podcasts.apple.com/us/podcast/the-daily/id1200361736", false],
    ["youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", true],
    ["youtube", "https://youtu.be/dQw4w9WgXcQ", true],
    ["youtube", "https://www.youtube.com/@thedaily", false],
    ["spotify", "https://open.spotify.com/episode/3IM0lmZxpFAY7CwMuv9H4g", true],
    ["rumble", "https://rumble.com/v4abc12-some-title.html", true],
    ["rumble", "https://rumble.com/c/TheShow", false],
  ])("%s %s: %s", (platform, url, valid) => {
    expect(episodeLinkSchema.safeParse({ episodeSlug: "e", platform, url }).success).toBe(valid);
  });
});
