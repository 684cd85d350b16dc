// The npm registry mirror on our build machines serves only the Linux builds of packages that ship one native
// binary per platform (Next's SWC, Tailwind's oxide, ...). `npm install` there leaves the other platforms out of
// package-lock.json, and `npm ci` then rejects the lock file everywhere ("Missing: ... from lock file").
// Run `node scripts/complete-lockfile.mjs` after `npm install` changes the lock file: it adds the missing optional
// platform packages with the os/cpu/libc that their names state, so npm skips them on other platforms without
// fetching them and installs them where they belong.
import { readFileSync, writeFileSync } from "node:fs";

const LOCKFILE = "package-lock.json";
const OS = ["android", "darwin", "freebsd", "linux", "openharmony", "win32", "netbsd", "openbsd", "sunos", "aix"];
const CPU = { arm64: "arm64", x64: "x64", ia32: "ia32", arm: "arm", loong64: "loong64", ppc64: "ppc64", riscv64: "riscv64", s390x: "s390x", wasm32: "wasm32" };

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = parts.find((part) => OS.includes(part));
  const cpu = parts.map((part) => CPU[part]).find(Boolean);
  const libc = parts.some((part) => part.startsWith("musl")) ? "musl" : parts.some((part) => part.startsWith("gnu")) ? "glibc" : undefined;
  return { ...(cpu && { cpu: [cpu] }), ...(os && { os: [os] }), ...(os === "linux" && libc && { libc: [libc] }) };
}

const lock = JSON.parse(readFileSync(LOCKFILE, "utf8"));
let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const parentDir = location ? `${location}/` : "";
    const candidates = [`${parentDir}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((candidate) => lock.packages[candidate])) continue;
    lock.packages[`node_modules/${name}`] = {
      version,
      ...(entry.dev && { dev: true }),
      ...platformOf(name),
      optional: true,
    };
    added += 1;
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
writeFileSync(LOCKFILE, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform package entries`);
