// A progress bar on stderr for long CLI work: redrawn in place on a terminal, a line per 10% elsewhere (CI logs).
const WIDTH = 28;

export interface ProgressBar {
  update(done: number, total: number): void;
  done(message: string): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  let lastDecile = -1;
  return {
    update(done, total) {
      const ratio = total > 0 ? Math.min(1, done / total) : 1;
      if (stream.isTTY) {
        const filled = Math.round(ratio * WIDTH);
        stream.write(`\r${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${done}/${total}`);
        return;
      }
      const decile = Math.floor(ratio * 10);
      if (decile !== lastDecile) {
        lastDecile = decile;
        stream.write(`${label} ${done}/${total}\n`);
      }
    },
    done(message) {
      stream.write(`${stream.isTTY ? "\r\u001b[2K" : ""}${label} ${message}\n`);
    },
  };
}
