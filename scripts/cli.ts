// The shell every script runs in: progress lines on stderr with a prefix, and one clear line instead of a stack
// trace: the messages of lib/ errors are written to be read by the person at the terminal.
import { ZodError } from "zod";
import type { Log } from "@/lib/site/launch";
import { describeIssues } from "@/lib/validations/issues";

const log: Log = (message) => process.stderr.write(`[showfront] ${message}\n`);

export function runCli(main: (log: Log) => Promise<number | void>): void {
  main(log).then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      const message = error instanceof ZodError ? describeIssues(error) : error instanceof Error ? error.message : String(error);
      process.stderr.write(`[showfront] Error: ${message}\n`);
      process.exit(1);
    },
  );
}
