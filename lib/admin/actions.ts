"use server";

import "server-only";
import { redirect } from "next/navigation";
import { action } from "@/lib/actions";
import { endAdminSession, startAdminSession } from "@/lib/auth/admin-session";
import { AppError } from "@/lib/errors";
import { adminSignInSchema } from "@/lib/validations/admin";

export const signIn = action({ auth: "anyone", schema: adminSignInSchema }, async ({ token }) => {
  if (!(await startAdminSession(token))) throw new AppError("unauthenticated", "That is not the admin token.");
  redirect("/admin");
});

export async function signOut(): Promise<void> {
  await endAdminSession();
  redirect("/admin/sign-in");
}
