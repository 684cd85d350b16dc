// Sign-in through next-auth (docs/decisions/0008): magic links, GitHub and Google when configured; database sessions
// through the Prisma adapter, so signing out or a ban ends them at once.
import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AdapterUser } from "next-auth/adapters";
import { headers } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { mailFromAddress } from "@/lib/mail/mailer";
import { neutralDisplayName } from "@/lib/people/display-names";
import { siteSecret } from "@/lib/auth/site-secret";
import { sendSignInLink } from "./sign-in-email";

const SESSION_DAYS = 30;
const LINK_MINUTES = 30;

export interface AuthProviders {
  github: boolean;
  google: boolean;
}

export function enabledProviders(): AuthProviders {
  const env = getEnv();
  return { github: Boolean(env.GITHUB_CLIENT_ID && env.GITHUB_CLIENT_SECRET), google: Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET) };
}

/** Makes the first admins: an address listed in ADMIN_EMAILS becomes an admin when it signs in. */
async function promoteListedAdmin(user: { id: string; email?: string | null }): Promise<void> {
  if (user.email && getEnv().ADMIN_EMAILS.includes(user.email.toLowerCase())) {
    await prisma.user.updateMany({ where: { id: user.id, role: { not: "ADMIN" } }, data: { role: "ADMIN" } });
  }
}

/** The Prisma adapter, giving a new account without a name (an e-mail sign-in) a neutral one: never its address. */
function adapterWithNeutralNames(): NonNullable<NextAuthOptions["adapter"]> {
  // The adapter is typed against the classic @prisma/client; ours is generated into lib/ with the same models.
  const adapter = PrismaAdapter(prisma as never);
  return { ...adapter, createUser: (user: Omit<AdapterUser, "id">) => adapter.createUser!({ ...user, name: user.name?.trim() || neutralDisplayName() }) };
}

export async function authOptions(): Promise<NextAuthOptions> {
  const env = getEnv();
  // next-auth builds its callback links from NEXTAUTH_URL; ours is SITE_URL, checked in lib/env.ts.
  process.env.NEXTAUTH_URL ??= env.SITE_URL;
  return {
    adapter: adapterWithNeutralNames(),
    // A key the site makes for itself and keeps in Postgres: nothing to configure, the same on every instance.
    secret: await siteSecret("auth"),
    session: { strategy: "database", maxAge: SESSION_DAYS * 86_400 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-your-email", error: "/signin" },
    providers: [
      EmailProvider({
        from: mailFromAddress(),
        maxAge: LINK_MINUTES * 60,
        // Never used: the site's mailer sends the link (it knows SMTP_URL and the development outbox).
        server: "smtp://localhost",
        async sendVerificationRequest({ identifier, url }) {
          await sendSignInLink({ email: identifier, url, minutes: LINK_MINUTES }, clientAddress(await headers()));
        },
      }),
      ...(enabledProviders().github ? [GitHubProvider({ clientId: env.GITHUB_CLIENT_ID!, clientSecret: env.GITHUB_CLIENT_SECRET! })] : []),
      ...(enabledProviders().google ? [GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID!, clientSecret: env.GOOGLE_CLIENT_SECRET! })] : []),
    ],
    events: {
      async signIn({ user }) {
        await promoteListedAdmin(user);
      },
    },
  };
}
