// The names people are shown by: a neutral generated one until they choose, never from their address; every name
// they have shown stays in a history moderators read.
import "server-only";
import { randomBytes } from "node:crypto";
import { prisma, type Prisma } from "@/lib/db";

const NEUTRAL_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

export function neutralDisplayName(): string {
  return `Listener ${[...randomBytes(6)].map((byte) => NEUTRAL_ALPHABET[byte % NEUTRAL_ALPHABET.length]).join("")}`;
}

/** The name an account shows: its own, or (an account from before names, not yet migrated) a neutral one from its id. */
export function shownName(user: { id: string; name: string | null }): string {
  return user.name?.trim() || `Listener ${user.id.slice(-6).toUpperCase()}`;
}

/** Sets the chosen name; answers why not when another account shows it in any case (nobody passes for someone else). */
export async function chooseDisplayName(userId: string, name: string, now = new Date()): Promise<string | null> {
  return prisma.$transaction(async (tx) => {
    const taken = await tx.user.findFirst({ where: { id: { not: userId }, name: { equals: name, mode: "insensitive" } }, select: { id: true } });
    if (taken) return `"${name}" is someone else's name here: choose another.`;
    const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, nameChosenAt: true } });
    if (user.name === name && user.nameChosenAt) return null;
    await tx.user.update({ where: { id: userId }, data: { name, nameChosenAt: now } });
    await tx.displayNameChange.create({ data: { userId, name, changedAt: now } });
    return null;
  });
}

/** The names an account has shown, newest first: for moderators. */
export async function displayNameHistory(userIds: string[]): Promise<Map<string, { name: string; changedAt: Date }[]>> {
  const rows = await prisma.displayNameChange.findMany({
    where: { userId: { in: userIds } },
    orderBy: { changedAt: "desc" },
    select: { userId: true, name: true, changedAt: true },
  });
  const history = new Map<string, { name: string; changedAt: Date }[]>();
  for (const row of rows) history.set(row.userId, [...(history.get(row.userId) ?? []), { name: row.name, changedAt: row.changedAt }]);
  return history;
}

/** A person's earlier names, newest first, for moderators. */
export const EARLIER_NAMES = {
  orderBy: { changedAt: "desc" },
  skip: 1,
  take: 5,
  select: { name: true, changedAt: true },
} satisfies Prisma.User$nameChangesArgs;
