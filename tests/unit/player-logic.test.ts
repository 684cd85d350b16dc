import { describe, expect, it } from "@jest/globals";
import {
  clampTime,
  readPlayerSession,
  readSavedPosition,
  resumeKey,
  savePlayerSession,
  shortcutFor,
  startPosition,
  type PlayerSession,
} from "@/components/player/player-logic";

const key = (value: string, target: Partial<HTMLElement> | null = null) => ({
  key: value,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  target: target as EventTarget | null,
});

describe("player shortcuts", () => {
  it.each([
    [" ", { type: "toggle" }],
    ["k", { type: "toggle" }],
    ["j", { type: "skip", seconds: -15 }],
    ["ArrowLeft", { type: "skip", seconds: -15 }],
    ["l", { type: "skip", seconds: 30 }],
    ["ArrowRight", { type: "skip", seconds: 30 }],
    ["x", undefined],
  ])("%j → %j", (pressed, action) => {
    expect(shortcutFor(key(pressed))).toEqual(action);
  });

  it("leave typing and modified keys alone", () => {
    expect(shortcutFor(key(" ", { tagName: "INPUT" }))).toBeUndefined();
    expect(shortcutFor(key("j", { tagName: "TEXTAREA" }))).toBeUndefined();
    expect(shortcutFor(key(" ", { tagName: "DIV", isContentEditable: true }))).toBeUndefined();
    expect(shortcutFor({ ...key("l"), ctrlKey: true })).toBeUndefined();
  });
});

describe("where playback starts", () => {
  it("prefers a shared moment, then the saved position, and starts over after a finished episode", () => {
    expect(startPosition({ startAt: 90, saved: 300 })).toBe(90);
    expect(startPosition({ saved: 300, duration: 3600 })).toBe(300);
    expect(startPosition({ saved: 3595, duration: 3600 })).toBe(0);
    expect(startPosition({})).toBe(0);
  });

  it("reads only sensible saved positions", () => {
    const storage = { getItem: (name: string) => ({ [resumeKey("a")]: "120", [resumeKey("b")]: "junk" })[name] ?? null };
    expect(readSavedPosition(storage, "a")).toBe(120);
    expect(readSavedPosition(storage, "b")).toBeUndefined();
    expect(readSavedPosition(undefined, "a")).toBeUndefined();
  });

  it("keeps seeks inside the episode", () => {
    expect(clampTime(-5, 100)).toBe(0);
    expect(clampTime(150, 100)).toBe(100);
    expect(clampTime(50, Number.NaN)).toBe(50);
  });
});

describe("the player kept across reloads", () => {
  const memory = () => {
    const values = new Map<string, string>();
    return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
  };
  const session: PlayerSession = {
    episode: {
      slug: "bridges",
      title: "Bridges",
      showTitle: "The Long Signal",
      audioUrl: "/demo/audio/bridges-3492s.wav",
      artworkUrl: null,
      durationSeconds: 3492,
      chapters: [{ startTime: 390, title: "Schedules" }],
    },
    rate: 1.5,
    volume: 0.4,
    muted: false,
  };

  it("comes back as it was saved", () => {
    const storage = memory();
    savePlayerSession(storage, session);
    expect(readPlayerSession(storage)).toEqual(session);
  });

  it.each([
    ["not JSON", "{"],
    ["a script address", JSON.stringify({ ...session, episode: { ...session.episode, audioUrl: "javascript:alert(1)" } })],
    ["another site's page as its link", JSON.stringify({ ...session, episode: { ...session.episode, href: "//evil.example/x" } })],
    ["no episode", JSON.stringify({ rate: 1 })],
  ])("ignores a kept session that is %s", (_what, value) => {
    expect(readPlayerSession({ getItem: () => value })).toBeUndefined();
  });

  it("keeps only speeds and volumes the player offers", () => {
    expect(readPlayerSession({ getItem: () => JSON.stringify({ ...session, rate: 16, volume: 7, muted: "yes" }) })).toMatchObject({
      rate: 1,
      volume: 1,
      muted: false,
    });
  });
});
