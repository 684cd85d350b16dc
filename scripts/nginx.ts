// deploy/nginx.conf run by the system's nginx (Debian's package), as the tests and benchmarks put it in front of
// several instances: the file's ${...} values filled in as the official image's envsubst would, inside a minimal
// main configuration of its own in a temporary folder; and the instances, as deploy/nginx.conf wants them.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { userInfo } from "node:os";
import { tmpdir } from "node:os";
import path from "node:path";

export const NGINX_SITE_TEMPLATE = "deploy/nginx.conf";
// Where Debian puts it: outside a non-root user's PATH.
export const NGINX_BINARY = existsSync("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

export interface NginxSiteValues {
  LISTEN: string;
  APP_SERVERS: string;
  CSP_NONCE_MARK: string;
  CACHE_DIR: string;
  ACCESS_LOG: string;
}

/** The template with its values, leaving nginx's own $variables alone (envsubst is given only these names). */
export function renderNginxSite(template: string, values: NginxSiteValues): string {
  return template.replace(/\$\{([A-Z_]+)\}/g, (whole, name: string) => (name in values ? values[name as keyof NginxSiteValues] : whole));
}

export interface RunningNginx {
  port: number;
  stop(): Promise<void>;
}

/** Starts nginx on `port` (loopback, or every address) in front of `upstreams` ("127.0.0.1:3101"…); resolves once it answers. */
export async function startNginx(options: { port: number; upstreams: string[]; nonceMark: string; listenEverywhere?: boolean }): Promise<RunningNginx> {
  const folder = await mkdtemp(path.join(tmpdir(), "showfront-nginx-"));
  const site = renderNginxSite(await readFile(NGINX_SITE_TEMPLATE, "utf8"), {
    LISTEN: options.listenEverywhere ? String(options.port) : `127.0.0.1:${options.port}`,
    APP_SERVERS: options.upstreams.map((upstream) => `server ${upstream};`).join(" "),
    CSP_NONCE_MARK: options.nonceMark,
    CACHE_DIR: path.join(folder, "cache"),
    ACCESS_LOG: path.join(folder, "access.log"),
  });
  await writeFile(path.join(folder, "showfront.conf"), site);
  const temp = (name: string) => `${name}_temp_path ${path.join(folder, name)};`;
  await writeFile(
    path.join(folder, "nginx.conf"),
    [
      // As root, nginx's workers would otherwise run as nobody, who cannot enter this folder.
      ...(userInfo().uid === 0 ? ["user root root;"] : []),
      "daemon off;",
      "worker_processes 2;",
      `pid ${path.join(folder, "nginx.pid")};`,
      `error_log ${path.join(folder, "error.log")} warn;`,
      "events { worker_connections 4096; }",
      `http { access_log off; ${["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map(temp).join(" ")} include ${path.join(folder, "showfront.conf")}; }`,
    ].join("\n"),
  );
  // -e: its log from the first moment, not the system's (which a user other than root cannot write).
  const nginx = spawn(NGINX_BINARY, ["-p", folder, "-e", path.join(folder, "error.log"), "-c", path.join(folder, "nginx.conf")], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => nginx.on("exit", resolve));
  nginx.on("error", () => {});
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answered = await fetch(`http://127.0.0.1:${options.port}/api/health`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (nginx.exitCode !== null || Date.now() > deadline) {
      const log = await readFile(path.join(folder, "error.log"), "utf8").catch(() => "");
      await rm(folder, { recursive: true, force: true });
      throw new Error(`nginx did not start (is Debian's nginx package installed?)\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    port: options.port,
    stop: async () => {
      nginx.kill("SIGQUIT");
      await exited;
      await rm(folder, { recursive: true, force: true });
    },
  };
}

export interface InstanceOptions {
  port: number;
  databaseUrl: string;
  /** nginx's address, which the instance's links and form origins name. */
  siteUrl: string;
  nonceMark: string;
  env?: Record<string, string>;
  /** Show the instance's warnings and errors (its stderr); its stdout is every request and every kept mail. */
  showErrors?: boolean;
}

/** One `npm start` for a front of the host's own (BUILT_IN_FRONT=false): one Next process on `port`; resolves once ready. */
export async function startInstance(options: InstanceOptions): Promise<ChildProcess> {
  const instance = spawn(path.resolve("node_modules/.bin/tsx"), ["scripts/serve.ts", "start"], {
    stdio: ["ignore", "ignore", options.showErrors ? "inherit" : "ignore"],
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      SITE_URL: options.siteUrl,
      PORT: String(options.port),
      BUILT_IN_FRONT: "false",
      CSP_NONCE_MARK: options.nonceMark,
      ...options.env,
    },
  });
  const deadline = Date.now() + 90_000;
  while (
    !(await fetch(`http://127.0.0.1:${options.port}/api/ready`).then(
      (response) => response.ok,
      () => false,
    ))
  ) {
    if (instance.exitCode !== null || Date.now() > deadline) {
      instance.kill("SIGTERM");
      throw new Error(`the instance on port ${options.port} did not become ready`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return instance;
}
