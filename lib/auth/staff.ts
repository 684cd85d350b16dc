// The checked viewer that admin data takes. Every function that reads admin data asks for a Moderator or an Admin
// as its first argument, and these types are made only by `asStaff`, which checks the role: a page that forgot to
// check cannot call them, whatever its layout did (layouts and pages render in parallel, so a layout's
// redirect does not stop a page's payload).
import "server-only";
import { hasRole, type Viewer } from "@/lib/auth/session";

declare const moderatorBrand: unique symbol;
declare const adminBrand: unique symbol;

/** A viewer checked to be a moderator or an admin (not banned). */
export type Moderator = Viewer & { readonly [moderatorBrand]: true };
/** A viewer checked to be an admin (not banned). */
export type Admin = Moderator & { readonly [adminBrand]: true };

export class StaffOnlyError extends Error {
  override name = "StaffOnlyError";
}

export function asStaff(viewer: Viewer | null, role: "ADMIN"): Admin | null;
export function asStaff(viewer: Viewer | null, role: "MODERATOR"): Moderator | null;
export function asStaff(viewer: Viewer | null, role: "MODERATOR" | "ADMIN"): Moderator | null {
  return hasRole(viewer, role) ? (viewer as Moderator) : null;
}

/**
 * Checked again inside each data function: the type stops a forgotten check at build time, this stops a cast at
 * run time. Cheap (no query): the role was read from the database when the viewer was made.
 */
export function assertStaff(staff: Moderator, role: "MODERATOR" | "ADMIN"): void {
  if (!hasRole(staff, role)) throw new StaffOnlyError(`Only ${role === "ADMIN" ? "admins" : "moderators"} may read or change this.`);
}
