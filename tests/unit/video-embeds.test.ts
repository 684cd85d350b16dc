import { describe, expect, it } from "@jest/globals";
import { videoEmbedFor, youtubeVideoId } from "@/lib/platforms/video-embeds";

describe("youtubeVideoId", () => {
  it.each([
    ["https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10", "dQw4w9WgXcQ"],
    ["https://youtu.be/dQw4w9WgXcQ?si=x", "dQw4w9WgXcQ"],
    ["https://m.youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ"],
    ["https://www.youtube.com/live/dQw4w9WgXcQ", "dQw4w9WgXcQ"],
  ])("reads %s", (url, id) => expect(youtubeVideoId(url)).toBe(id));

  it.each(["https://www.youtube.com/@channel", "https://evil.example/watch?v=dQw4w9WgXcQ", "https://www.youtube.com/watch?v=<script>", "not a url"])(
    "refuses %s",
    (url) => expect(youtubeVideoId(url)).toBeUndefined(),
  );
});

describe("videoEmbedFor", () => {
  it("embeds the episode's own YouTube video through youtube-nocookie, never the show's channel", () => {
    expect(videoEmbedFor([{ platform: "youtube", url: "https://www.youtube.com/@show", episodeLevel: false }])).toBeUndefined();
    expect(videoEmbedFor([{ platform: "youtube", url: "https://youtu.be/dQw4w9WgXcQ", episodeLevel: true }])).toEqual({
      platform: "youtube",
      label: "YouTube",
      embedUrl: "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&rel=0",
      watchUrl: "https://youtu.be/dQw4w9WgXcQ",
    });
  });

  it("embeds a Rumble video only from its embed address", () => {
    expect(videoEmbedFor([{ platform: "rumble", url: "https://rumble.com/v4abc12-some-title.html", episodeLevel: true }])).toBeUndefined();
    expect(videoEmbedFor([{ platform: "rumble", url: "https://rumble.com/embed/v4abc12/", episodeLevel: true }])?.embedUrl).toBe(
      "https://rumble.com/embed/v4abc12/?autoplay=2",
    );
  });
});
