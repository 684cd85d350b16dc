// `npm run dev` / `npm start` (and `standalone`, the Docker image's command): see lib/site/launch.ts.
import { parseEnv } from "@/lib/env";
import { launchSite } from "@/lib/site/launch";
import { runCli } from "./cli";

const command = process.argv[2];

runCli(
  async (log) => {
    if (command !== "dev" && command !== "start" && command !== "standalone") throw new Error("Usage: tsx scripts/serve.ts dev|start|standalone");
    const env = parseEnv({ ...process.env, NODE_ENV: command === "dev" ? "development" : "production" });
    return launchSite({ command, env, log });
  },
  { envFiles: command === "dev" ? "development" : "production" },
);
