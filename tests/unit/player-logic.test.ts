import { describe, expect, it } from "@jest/globals";
import { clampTime, readSavedPosition, resumeKey, shortcutFor, startPosition } from "@/components/player/player-logic";

const key = (value: string, target: Partial<HTMLElement> | null = null) => ({ key: value, altKey: false, ctrlKey: false, metaKey: false, target: target as EventTarget | null });

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
