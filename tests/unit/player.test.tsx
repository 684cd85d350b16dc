/** @jest-environment jsdom */
import { afterEach, beforeEach, describe, expect, it, jest } from "@jest/globals";
import "@testing-library/jest-dom/jest-globals";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { ChapterList } from "@/components/player/chapter-list";
import { PlayButton } from "@/components/player/play-button";
import { PlayerProvider, usePlayer } from "@/components/player/player-provider";

const episode = {
  slug: "bridges-nobody-inspects",
  title: "Bridges Nobody Inspects",
  showTitle: "The Long Signal",
  audioUrl: "/demo/audio/bridges-3492s.wav",
  artworkUrl: null,
  durationSeconds: 3492,
};

// jsdom has no media playback: stand-ins that fire the events a browser would.
beforeEach(() => {
  jest.spyOn(HTMLMediaElement.prototype, "play").mockImplementation(function (this: HTMLMediaElement) {
    this.dispatchEvent(new Event("play"));
    return Promise.resolve();
  });
  jest.spyOn(HTMLMediaElement.prototype, "pause").mockImplementation(function (this: HTMLMediaElement) {
    this.dispatchEvent(new Event("pause"));
  });
  window.localStorage.clear();
});
afterEach(() => {
  jest.restoreAllMocks();
});

function renderPlayer(followSharedMoment = false) {
  return render(
    <PlayerProvider>
      <PlayButton episode={episode} followSharedMoment={followSharedMoment} />
    </PlayerProvider>,
  );
}

describe("the site-wide player", () => {
  it("appears with the episode once play is pressed, and loads nothing before", async () => {
    const { container } = renderPlayer();
    const audio = container.querySelector("audio")!;
    expect(audio).toHaveAttribute("preload", "none");
    expect(audio.getAttribute("src")).toBeNull();
    expect(screen.queryByRole("region", { name: "Player" })).toBeNull();

    await act(async () => fireEvent.click(screen.getByRole("button", { name: /Play episode/ })));
    expect(audio.src).toMatch(/\/demo\/audio\/bridges-3492s\.wav$/);
    const player = screen.getByRole("region", { name: "Player" });
    expect(player).toHaveTextContent("Bridges Nobody Inspects");
    expect(within(player).getByRole("button", { name: "Pause" })).toBeInTheDocument();
    expect(screen.getByRole("slider", { name: "Seek" })).toHaveAttribute("aria-valuetext", "0:00 of 58:12");
  });

  it("offers to start from a shared moment in the address, and ignores a malformed one", () => {
    window.history.replaceState(null, "", "/episodes/bridges-nobody-inspects?t=1:30");
    const { unmount } = renderPlayer(true);
    expect(screen.getByRole("button", { name: /Play from 1:30/ })).toBeInTheDocument();
    unmount();
    window.history.replaceState(null, "", "/episodes/bridges-nobody-inspects?t=<script>");
    renderPlayer(true);
    expect(screen.getByRole("button", { name: "Play episode" })).toBeInTheDocument();
    window.history.replaceState(null, "", "/");
  });

  it("changes speed and announces seeks to screen readers", async () => {
    renderPlayer();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /Play episode/ })));
    fireEvent.change(screen.getByRole("combobox", { name: "Playback speed" }), { target: { value: "1.5" } });
    expect((document.querySelector("audio") as HTMLAudioElement).playbackRate).toBe(1.5);
    fireEvent.click(screen.getByRole("button", { name: "Forward 30 seconds" }));
    expect(screen.getByText("At 0:30")).toBeInTheDocument();
  });

  it("pauses from the keyboard when focus is not in a field", async () => {
    renderPlayer();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /Play episode/ })));
    Object.defineProperty(HTMLMediaElement.prototype, "paused", { configurable: true, get: () => false });
    fireEvent.keyDown(document.body, { key: "k" });
    expect(screen.getByRole("button", { name: "Play" })).toBeInTheDocument();
    Reflect.deleteProperty(HTMLMediaElement.prototype, "paused");
  });

  it("mutes and unmutes", async () => {
    renderPlayer();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /Play episode/ })));
    const mute = screen.getByRole("button", { name: "Mute" });
    // A drawn icon: an emoji shows as an empty box where no emoji font is installed.
    expect(mute.textContent).toBe("");
    expect(mute.querySelector("svg")).not.toBeNull();
    fireEvent.click(mute);
    expect((document.querySelector("audio") as HTMLAudioElement).muted).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Unmute" }));
    expect((document.querySelector("audio") as HTMLAudioElement).muted).toBe(false);
  });

  it("plays an episode from a chapter and marks the chapter playing", async () => {
    const chapters = [
      { startTime: 0, title: "Cold open" },
      { startTime: 390, title: "How inspections are scheduled" },
    ];
    render(
      <PlayerProvider>
        <ChapterList episode={{ ...episode, chapters }} chapters={chapters} />
      </PlayerProvider>,
    );
    await act(async () => fireEvent.click(screen.getByRole("button", { name: /Cold open/ })));
    expect(screen.getByRole("region", { name: "Player" })).toHaveTextContent("Cold open");
    expect(screen.getByRole("button", { name: /Cold open/ })).toHaveAttribute("aria-current", "true");
    expect(screen.getAllByTestId("chapter-mark")).toHaveLength(2);
  });

  it("marks the moments listeners' comments are about on the episode's timeline", async () => {
    function Thread() {
      const { showCommentMoments } = usePlayer();
      return (
        <button type="button" onClick={() => showCommentMoments(episode.slug, [30, 754])}>
          Comments loaded
        </button>
      );
    }
    render(
      <PlayerProvider>
        <PlayButton episode={episode} />
        <Thread />
      </PlayerProvider>,
    );
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Play episode" })));
    expect(screen.queryAllByTestId("comment-mark")).toHaveLength(0);
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Comments loaded" })));
    expect(screen.getAllByTestId("comment-mark")).toHaveLength(2);
  });

  it("pauses when the sleep timer runs out", async () => {
    jest.useFakeTimers();
    try {
      renderPlayer();
      await act(async () => fireEvent.click(screen.getByRole("button", { name: /Play episode/ })));
      fireEvent.change(screen.getByRole("combobox", { name: "Sleep timer" }), { target: { value: "15" } });
      act(() => jest.advanceTimersByTime(14 * 60_000));
      expect(HTMLMediaElement.prototype.pause).not.toHaveBeenCalled();
      act(() => jest.advanceTimersByTime(60_000));
      expect(HTMLMediaElement.prototype.pause).toHaveBeenCalled();
      expect(screen.getByText("Sleep timer: paused")).toBeInTheDocument();
    } finally {
      jest.useRealTimers();
    }
  });
});
