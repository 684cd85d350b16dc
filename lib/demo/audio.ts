// The demo's audio, made on request: babble as long as each episode says it is. Every byte is a function of its
// position, so any range a player asks for is made alone.
import "server-only";
import { prisma } from "@/lib/db";

const RATE = 8000;
const BYTES_PER_SAMPLE = 2;
const HEADER_BYTES = 44;
const MAX_SECONDS = 3 * 60 * 60;
const SYLLABLE_SECONDS = 0.19;
const TURN_SECONDS = 11;
const TABLE_SIZE = 512;

/** `<name>-<seconds>s.wav`: the name picks the voices, the seconds the length. */
const DEMO_AUDIO_NAME = /^([a-z0-9-]{1,60})-(\d{1,5})s\.wav$/;

export interface DemoAudio {
  seed: number;
  seconds: number;
  byteLength: number;
}

export function demoAudioPath(name: string, seconds: number): string {
  return `/demo/audio/${name}-${Math.round(seconds)}s.wav`;
}

export function readDemoAudioName(file: string): DemoAudio | undefined {
  const match = DEMO_AUDIO_NAME.exec(file);
  const seconds = Number(match?.[2]);
  if (!match || seconds < 1 || seconds > MAX_SECONDS) return undefined;
  return { seed: hash(match[1]!, 0), seconds, byteLength: HEADER_BYTES + seconds * RATE * BYTES_PER_SAMPLE };
}

function hash(text: string, salt: number): number {
  let value = 2166136261 ^ salt;
  for (let index = 0; index < text.length; index += 1) value = Math.imul(value ^ text.charCodeAt(index), 16777619);
  return value >>> 0;
}

/** A number in [0, 1) for (seed, index): the same every time, so any stretch of the audio is made alike. */
function noise(seed: number, index: number): number {
  let value = Math.imul(seed ^ Math.imul(index, 0x9e3779b1), 0x85ebca6b);
  value ^= value >>> 13;
  value = Math.imul(value, 0xc2b2ae35);
  value ^= value >>> 16;
  return (value >>> 0) / 4294967296;
}

// One period of a voiced vowel for a low and a high voice: harmonics weighted by the vowel's formants.
const VOWEL_FORMANTS = [
  [730, 1090, 2440],
  [530, 1840, 2480],
  [270, 2290, 3010],
  [570, 840, 2410],
  [300, 870, 2240],
];
const VOICES = [118, 196];
const TABLES = VOICES.map((pitch) =>
  VOWEL_FORMANTS.map((formants) => {
    const table = new Float32Array(TABLE_SIZE);
    for (let harmonic = 1; harmonic * pitch < RATE / 2 - 200; harmonic += 1) {
      const frequency = harmonic * pitch;
      const weight = formants.reduce((sum, formant, index) => sum + Math.exp(-(((frequency - formant) / 120) ** 2)) / (index + 1), 0) / harmonic ** 0.5;
      for (let step = 0; step < TABLE_SIZE; step += 1) table[step]! += weight * Math.sin((2 * Math.PI * harmonic * step) / TABLE_SIZE);
    }
    const peak = table.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
    return table.map((value) => value / peak);
  }),
);

function sample(seed: number, index: number): number {
  const time = index / RATE;
  const turn = Math.floor(time / TURN_SECONDS);
  // Two speakers take turns; now and then a turn is the same speaker going on.
  const voice = (turn + (noise(seed, turn) < 0.3 ? 1 : 0)) % 2;
  const syllable = Math.floor(time / SYLLABLE_SECONDS);
  const roll = noise(seed ^ 0x5bd1e995, syllable);
  // A pause between phrases, and the breath at the end of a turn.
  if (roll < 0.14 || time - turn * TURN_SECONDS > TURN_SECONDS - 0.6) return 0;
  const position = (time - syllable * SYLLABLE_SECONDS) / SYLLABLE_SECONDS;
  const envelope = Math.sin(Math.PI * position) ** 2 * (0.55 + 0.45 * roll);
  const pitch = VOICES[voice]! * (0.88 + 0.24 * noise(seed ^ 0x27d4eb2f, syllable)) * (1.04 - 0.08 * position);
  const table = TABLES[voice]![Math.floor(noise(seed ^ 0x165667b1, syllable) * VOWEL_FORMANTS.length)]!;
  const phase = (pitch * (time - syllable * SYLLABLE_SECONDS)) % 1;
  return table[Math.floor(phase * TABLE_SIZE)]! * envelope * 0.3;
}

function header(audio: DemoAudio): Buffer {
  const dataBytes = audio.byteLength - HEADER_BYTES;
  const bytes = Buffer.alloc(HEADER_BYTES);
  bytes.write("RIFF", 0, "ascii");
  bytes.writeUInt32LE(36 + dataBytes, 4);
  bytes.write("WAVEfmt ", 8, "ascii");
  bytes.writeUInt32LE(16, 16);
  bytes.writeUInt16LE(1, 20);
  bytes.writeUInt16LE(1, 22);
  bytes.writeUInt32LE(RATE, 24);
  bytes.writeUInt32LE(RATE * BYTES_PER_SAMPLE, 28);
  bytes.writeUInt16LE(BYTES_PER_SAMPLE, 32);
  bytes.writeUInt16LE(16, 34);
  bytes.write("data", 36, "ascii");
  bytes.writeUInt32LE(dataBytes, 40);
  return bytes;
}

const CHUNK_BYTES = 64 * 1024;

/** Bytes `start` to `end` (inclusive) of the file, made a chunk at a time as the reader takes them. */
export function demoAudioStream(audio: DemoAudio, start: number, end: number): ReadableStream<Uint8Array> {
  const head = header(audio);
  let offset = start;
  return new ReadableStream({
    pull(controller) {
      if (offset > end) return controller.close();
      const length = Math.min(CHUNK_BYTES, end - offset + 1);
      const chunk = Buffer.alloc(length);
      let made = -1;
      let value = 0;
      for (let at = 0; at < length; at += 1) {
        const position = offset + at;
        if (position < HEADER_BYTES) {
          chunk[at] = head[position]!;
          continue;
        }
        const index = (position - HEADER_BYTES) >> 1;
        if (index !== made) {
          made = index;
          value = Math.round(sample(audio.seed, index) * 32767);
        }
        chunk[at] = (position - HEADER_BYTES) % 2 === 0 ? value & 0xff : (value >> 8) & 0xff;
      }
      offset += length;
      controller.enqueue(chunk);
    },
  });
}

/** The demo's audio is made only for what an episode or story of this site plays: nobody else's CPU to spend. */
export async function demoAudioInUse(path: string): Promise<boolean> {
  const [episode, story] = await Promise.all([
    prisma.episode.findFirst({ where: { audioUrl: path }, select: { id: true } }),
    prisma.story.findFirst({ where: { audioUrl: path }, select: { id: true } }),
  ]);
  return Boolean(episode ?? story);
}

/** The answer to a request for the file: whole, or the one byte range asked (`bytes=a-b`, `a-`, `-n`). */
export function demoAudioResponse(audio: DemoAudio, rangeHeader: string | null, head: boolean): Response {
  const headers = { "content-type": "audio/wav", "accept-ranges": "bytes", "cache-control": "public, max-age=31536000, immutable" };
  const last = audio.byteLength - 1;
  if (!rangeHeader) return new Response(head ? null : demoAudioStream(audio, 0, last), { headers: { ...headers, "content-length": String(audio.byteLength) } });
  const match = /^bytes=(\d*)-(\d*)$/.exec(rangeHeader.trim());
  const [start, end] =
    !match || (!match[1] && !match[2])
      ? [NaN, NaN]
      : match[1]
        ? [Number(match[1]), match[2] ? Math.min(Number(match[2]), last) : last]
        : [Math.max(0, audio.byteLength - Number(match[2])), last];
  if (!(start <= end) || start > last) return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${audio.byteLength}` } });
  return new Response(head ? null : demoAudioStream(audio, start, end), {
    status: 206,
    headers: { ...headers, "content-length": String(end - start + 1), "content-range": `bytes ${start}-${end}/${audio.byteLength}` },
  });
}
