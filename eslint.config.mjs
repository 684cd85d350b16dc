// ESLint: Next's rules (React, hooks, Core Web Vitals), typescript-eslint, and the shape of this codebase: Prisma
// only under lib/, no server module in a client component, and lib/'s server modules marked "server-only"
// (scripts/eslint/client-boundary.mjs).
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import clientBoundary, { serverOnlyMarker } from "./scripts/eslint/client-boundary.mjs";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".test-results/**", "lib/generated/**", "next-env.d.ts", "coverage/**"]),
  {
    plugins: { showfront: { rules: { "client-boundary": clientBoundary, "server-only-marker": serverOnlyMarker } } },
    rules: {
      "showfront/client-boundary": "error",
      "showfront/server-only-marker": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(@/lib/db|@/lib/generated/|@prisma/)", message: "Data is read and written in lib/<domain>/: pages, routes and components call it." },
          ],
        },
      ],
    },
  },
  {
    // Tests and scripts name their helpers useThing() without being React hooks.
    files: ["tests/**", "scripts/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
]);
