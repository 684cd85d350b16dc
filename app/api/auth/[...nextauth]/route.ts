// next-auth's endpoints (sign-in, callback, sign-out, session, csrf). The options are built per request: their
// secret comes from the database.
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";

async function handler(request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(request, context, await authOptions());
}

export { handler as GET, handler as POST };
