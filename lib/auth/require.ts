// Who may take part, checked where the data is changed: signed in and not banned, and for some things a role.
import "server-only";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/session";
import { asStaff, type Moderator } from "@/lib/auth/staff";

export function requireSignedIn(viewer: Viewer | null): Viewer {
  if (!viewer) throw new AppError("unauthenticated", "Sign in to take part.");
  if (viewer.banned) throw new AppError("forbidden", "Your account can no longer comment here.");
  return viewer;
}

export function requireModerator(viewer: Viewer | null, what: string): Moderator {
  const moderator = asStaff(requireSignedIn(viewer), "MODERATOR");
  if (!moderator) throw new AppError("forbidden", `Only moderators can ${what}.`);
  return moderator;
}
