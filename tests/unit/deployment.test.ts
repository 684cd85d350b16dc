// No Docker engine runs where the tests run, so this checks what can be checked of the Compose setup: it parses,
// it has the services and ports the README promises, and every variable it sets is one Showfront reads.
import { describe, expect, it } from "@jest/globals";
import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { envSchema } from "@/lib/env";

interface ComposeService {
  image?: string;
  build?: unknown;
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
}

async function compose() {
  return parse(await readFile("docker-compose.yml", "utf8")) as { services: Record<string, ComposeService> };
}

describe("docker-compose.yml", () => {
  it("has the services the README names", async () => {
    const { services } = await compose();
    expect(Object.keys(services).sort()).toEqual(["app", "mailpit", "postgres"]);
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
    expect(services.app?.ports).toEqual(["3000:3000"]);
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
    expect(environment.DATABASE_URL).toBe(
      `postgres://${postgres.POSTGRES_USER}:${postgres.POSTGRES_PASSWORD}@postgres:5432/${postgres.POSTGRES_DB}`,
    );
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

describe("Dockerfile", () => {
  it("builds the standalone server and applies migrations before starting it", async () => {
    const dockerfile = await readFile("Dockerfile", "utf8");
    expect(dockerfile).toMatch(/BUILD_STANDALONE=true/);
    expect(dockerfile).toContain("COPY --from=build /app/.next/standalone ./");
    expect(dockerfile).toMatch(/CMD \["node_modules\/\.bin\/tsx", "scripts\/serve\.ts", "standalone"\]/);
  });
});
