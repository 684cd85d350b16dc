import { describe, expect, it } from "@jest/globals";
import { ConfigError, parseEnv } from "@/lib/env";

describe("parseEnv", () => {
  it("needs nothing set: the embedded database and localhost are the defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env).toMatchObject({ SITE_URL: "http://localhost:3000", PORT: 3000, SHOWFRONT_DATA_DIR: ".data" });
  });

  it("puts the site on PORT's address unless SITE_URL says otherwise", () => {
    expect(parseEnv({ PORT: "3900" }).SITE_URL).toBe("http://localhost:3900");
    expect(parseEnv({ PORT: "3900", SITE_URL: "" }).SITE_URL).toBe("http://localhost:3900");
    expect(parseEnv({ PORT: "3900", SITE_URL: "https://show.example" }).SITE_URL).toBe("https://show.example");
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("accepts postgres and postgresql URLs", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/show" }).DATABASE_URL).toBe("postgresql://u:p@db:5432/show");
  });

  it.each([
    [{ DATABASE_URL: "mysql://u@h/db" }, "DATABASE_URL must be a postgres:// or postgresql:// connection URL"],
    [{ DATABASE_URL: "not a url" }, "DATABASE_URL must be a postgres:// or postgresql:// connection URL"],
    [{ PORT: "eighty" }, "PORT must be a port number from 1 to 65535"],
    [{ PORT: "70000" }, "PORT must be a port number from 1 to 65535"],
    [{ SITE_URL: "ftp://example.org" }, "SITE_URL must be an http:// or https:// URL"],
  ])("names the wrong variable in %j", (source, message) => {
    expect(() => parseEnv(source)).toThrow(ConfigError);
    expect(() => parseEnv(source)).toThrow(message);
  });

  it("reports every wrong variable at once", () => {
    expect(() => parseEnv({ PORT: "x", SITE_URL: "nope" })).toThrow(/SITE_URL .*; PORT /);
  });
});
