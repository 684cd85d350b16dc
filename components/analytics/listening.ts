// What counts as listening, apart from React and the DOM so it is tested on its own: the seconds the playhead moved
// through while playing. A seek jumps without hearing anything; a second heard twice on one page counts once.
export const QUARTILES = [25, 50, 75, 100] as const;
export type Quartile = (typeof QUARTILES)[number];

// Between two position reports the playhead moves a fraction of a second; more than this (times the speed) is a jump.
const LONGEST_STEP_SECONDS = 10;
// Chunks are sent once this many new seconds are heard, and when playback stops.
export const CHUNK_SECONDS = 15;

export class ListeningTracker {
  private readonly heard = new Set<number>();
  private readonly unsent: number[] = [];
  private readonly reached = new Set<Quartile>();
  private position: number | undefined;
  started = false;

  constructor(readonly episode: string) {}

  /** Playback (re)starts here, or a seek landed here: the next stretch counts from this point. */
  movedTo(position: number): void {
    this.position = position;
  }

  /** The playhead reached `position` by playing. */
  played(position: number, rate = 1): void {
    const from = this.position;
    this.position = position;
    if (from === undefined || position <= from || position - from > LONGEST_STEP_SECONDS * Math.max(1, rate)) return;
    for (let second = Math.floor(from); second < Math.floor(position); second += 1) {
      if (this.heard.has(second)) continue;
      this.heard.add(second);
      this.unsent.push(second);
    }
  }

  get unsentSeconds(): number {
    return this.unsent.length;
  }

  /** The seconds heard since the last call, as [from, to) stretches. */
  takeChunks(): { from: number; to: number }[] {
    const seconds = this.unsent.splice(0).sort((a, b) => a - b);
    const chunks: { from: number; to: number }[] = [];
    for (const second of seconds) {
      const last = chunks.at(-1);
      if (last && last.to === second && last.to - last.from < 600) last.to = second + 1;
      else chunks.push({ from: second, to: second + 1 });
    }
    return chunks;
  }

  /** Quartiles played through for the first time: the second before each point was heard (the last whole one for 100%). */
  newQuartiles(duration: number): Quartile[] {
    if (!Number.isFinite(duration) || duration < 4) return [];
    const fresh = QUARTILES.filter((quartile) => {
      const point = quartile === 100 ? Math.floor(duration) : Math.ceil((duration * quartile) / 100);
      return !this.reached.has(quartile) && this.heard.has(Math.max(0, point - 1));
    });
    for (const quartile of fresh) this.reached.add(quartile);
    return fresh;
  }
}
