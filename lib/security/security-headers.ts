// Headers every response carries: no framing by other sites (but the embeddable player), HSTS only over HTTPS.
// Relative imports only: next.config.ts loads this file.
import "server-only";

interface HeaderRule {
  source: string;
  headers: { key: string; value: string }[];
}

const EVERYWHERE = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // Powers no page uses. Autoplay, fullscreen and encrypted media stay allowed: the Watch tab's video frame needs them.
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=()" },
];

export function securityHeaders(siteUrl: string): HeaderRule[] {
  const hsts = siteUrl.startsWith("https://") ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : [];
  return [
    {
      source: "/:path((?!embed/).*)",
      headers: [...EVERYWHERE, ...hsts, { key: "X-Frame-Options", value: "DENY" }, { key: "Content-Security-Policy", value: "frame-ancestors 'none'" }],
    },
    // No frame-ancestors at all: even "*" would refuse a page that is not http(s) itself (a local file, a preview).
    { source: "/embed/:path*", headers: [...EVERYWHERE, ...hsts] },
  ];
}
