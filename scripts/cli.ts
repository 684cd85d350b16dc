// The shell every script runs in: progress lines on stderr with a prefix, and one clear line instead of a stack
// trace: the messages of lib/ errors are written to be read by the person at the terminal.
import nextEnv from "@next/env";
import { ZodError } from "zod";
import type { Log } from "@/lib/site/launch";
import { describeIssues } from "@/lib/validations/issues";

const log: Log = (message) => process.stderr.write(`[showfront] ${message}\n`);

export interface CliOptions {
  /**
   * Read .env files first, as Next reads them for this mode (@next/env: `.env.<mode>.local`, `.env.local`,
   * `.env.<mode>`, `.env`); what the environment already sets wins. `true`: the mode NODE_ENV names (development
   * unless production). Left out by the test, bench and fuzz runners, whose databases are their own.
   */
  envFiles?: true | "development" | "production";
}

export function loadEnvFiles(folder: string, mode: "development" | "production"): string[] {
  const quiet = { info: () => {}, error: (...args: unknown[]) => log(args.join(" ")) };
  return nextEnv.loadEnvConfig(folder, mode === "development", quiet).loadedEnvFiles.map((file) => file.path);
}

export function runCli(main: (log: Log) => Promise<number | void>, options: CliOptions = {}): void {
  if (options.envFiles) {
    const mode = options.envFiles === true ? (process.env.NODE_ENV === "production" ? "production" : "development") : options.envFiles;
    const files = loadEnvFiles(process.cwd(), mode);
    if (files.length) log(`Settings from ${files.join(", ")}`);
  }
  main(log).then(
    (code) => process.exit(code ?? 0),
    (error: unknown) => {
      const message = error instanceof ZodError ? describeIssues(error) : error instanceof Error ? error.message : String(error);
      process.stderr.write(`[showfront] Error: ${message}\n`);
      process.exit(1);
    },
  );
}
