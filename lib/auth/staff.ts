// The checked staff member admin data takes, made only here after checking the role: a page that forgot to check cannot
// call the data functions, whatever its layout did (layouts and pages render in parallel).
import "server-only";
import { AppError } from "@/lib/errors";
import { hasRole, type Viewer } from "@/lib/auth/session";

declare const moderatorBrand: unique symbol;
declare const adminBrand: unique symbol;

/** Someone checked to hold a moderator's rights: `accountId` is their account, null for the ADMIN_TOKEN session's holder. */
export interface Moderator {
  readonly role: "MODERATOR" | "ADMIN";
  readonly accountId: string | null;
  readonly [moderatorBrand]: true;
}
/** Someone checked to hold an admin's rights. */
export type Admin = Moderator & { readonly role: "ADMIN"; readonly [adminBrand]: true };

const issued = new WeakSet<Moderator>();

function issue(role: Moderator["role"], accountId: string | null): Moderator {
  const staff = Object.freeze({ role, accountId }) as Moderator;
  issued.add(staff);
  return staff;
}

export function asStaff(viewer: Viewer | null, role: "ADMIN"): Admin | null;
export function asStaff(viewer: Viewer | null, role: "MODERATOR"): Moderator | null;
export function asStaff(viewer: Viewer | null, role: "MODERATOR" | "ADMIN"): Moderator | null {
  return viewer && hasRole(viewer, role) ? issue(viewer.role as Moderator["role"], viewer.id) : null;
}

/** The admin who signed in with ADMIN_TOKEN: no account; made only once lib/auth/admin-session has checked the session. */
export function tokenHolder(): Admin {
  return issue("ADMIN", null) as Admin;
}

/** Checked again inside each data function: the type stops a forgotten check, this stops a cast. */
export function assertStaff(staff: Moderator, role: "MODERATOR" | "ADMIN"): void {
  if (!issued.has(staff) || (role === "ADMIN" && staff.role !== "ADMIN")) {
    throw new AppError("forbidden", `Only ${role === "ADMIN" ? "admins" : "moderators"} may read or change this.`);
  }
}
