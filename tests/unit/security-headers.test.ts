import { describe, expect, it } from "@jest/globals";
import { securityHeaders } from "@/lib/security/security-headers";

const header = (rules: ReturnType<typeof securityHeaders>, source: string, key: string) =>
  rules.find((rule) => rule.source === source)?.headers.find((entry) => entry.key === key)?.value;

describe("security headers", () => {
  it("sends HSTS only for a site served over HTTPS", () => {
    expect(header(securityHeaders("https://show.example"), "/embed/:path*", "Strict-Transport-Security")).toBe("max-age=63072000; includeSubDomains");
    expect(header(securityHeaders("http://localhost:3000"), "/embed/:path*", "Strict-Transport-Security")).toBeUndefined();
  });

  it("lets only the embeddable player be framed by other sites", () => {
    const rules = securityHeaders("https://show.example");
    const pages = rules.find((rule) => rule.source !== "/embed/:path*")!;
    const pattern = new RegExp(`^${pages.source.replace("/:path(", "/(")}$`);
    expect(["/", "/episodes/a", "/embedded-thoughts", "/api/ready"].every((path) => pattern.test(path))).toBe(true);
    expect(pattern.test("/embed/episodes/a")).toBe(false);
    expect(header(rules, pages.source, "Content-Security-Policy")).toBe("frame-ancestors 'none'");
    expect(header(rules, "/embed/:path*", "Content-Security-Policy")).toBeUndefined();
    expect(header(rules, "/embed/:path*", "X-Frame-Options")).toBeUndefined();
  });
});
