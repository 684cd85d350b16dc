// The demo's audio is made on request: any range a player asks for is the same bytes as that part of the whole file.
import { describe, expect, it } from "@jest/globals";
import { demoAudioResponse, readDemoAudioName } from "@/lib/demo/audio";

const bytes = async (response: Response) => Buffer.from(await response.arrayBuffer());

describe("the demo's audio", () => {
  it("is a WAV file exactly as long as its name says, with sound in it", async () => {
    const audio = readDemoAudioName("bridges-90s.wav")!;
    const whole = await bytes(demoAudioResponse(audio, null, false));
    expect(whole.length).toBe(audio.byteLength);
    expect(whole.toString("ascii", 0, 4)).toBe("RIFF");
    const rate = whole.readUInt32LE(24);
    const dataBytes = whole.readUInt32LE(40);
    expect(dataBytes / (rate * 2)).toBe(90);
    const samples = Array.from({ length: dataBytes / 2 }, (_, index) => whole.readInt16LE(44 + index * 2));
    const loud = samples.filter((sample) => Math.abs(sample) > 1000).length;
    // Talk, with pauses: most of it sounds, not all of it.
    expect(loud / samples.length).toBeGreaterThan(0.2);
    expect(samples.filter((sample) => sample === 0).length).toBeGreaterThan(rate);
  });

  it("answers any byte range with those bytes of the whole file, and refuses one past its end", async () => {
    const audio = readDemoAudioName("night-buses-3880s.wav")!;
    const whole = await bytes(demoAudioResponse(readDemoAudioName("night-buses-40s.wav")!, null, false));
    const short = readDemoAudioName("night-buses-40s.wav")!;
    const middle = demoAudioResponse(short, "bytes=1001-250000", false);
    expect(middle.status).toBe(206);
    expect(middle.headers.get("content-range")).toBe(`bytes 1001-250000/${short.byteLength}`);
    expect((await bytes(middle)).equals(whole.subarray(1001, 250001))).toBe(true);
    expect((await bytes(demoAudioResponse(short, "bytes=-100", false))).equals(whole.subarray(whole.length - 100))).toBe(true);

    const seek = demoAudioResponse(audio, `bytes=${44 + 41 * 60 * 16000}-`, false);
    expect(seek.headers.get("content-length")).toBe(String(audio.byteLength - 44 - 41 * 60 * 16000));
    await seek.body!.cancel();
    expect(demoAudioResponse(audio, `bytes=${audio.byteLength}-`, false).status).toBe(416);
    expect(demoAudioResponse(audio, "bytes=oops", false).status).toBe(416);
  });

  it.each(["../etc-10s.wav", "bridges.wav", "bridges-0s.wav", "bridges-99999s.wav", "Bridges-10s.wav", "bridges-10s.mp3"])("refuses the name %s", (name) => {
    expect(readDemoAudioName(name)).toBeUndefined();
  });
});
