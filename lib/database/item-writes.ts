// Many items of one import written in batches under savepoints: a batch the database refuses is written again item
// by item, and only the items that still fail are handed back, so one bad item costs only itself.
import "server-only";
import type { Prisma } from "@/lib/db";
import { cutText } from "@/lib/text/safe-text";

export interface RefusedItem<T> {
  item: T;
  reason: string;
}

function refusal(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Prisma's messages start with the call site; the database's own words are on the last line.
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean);
  return `the database refused it: ${cutText(lines.at(-1) ?? "unknown error", 300)}`;
}

async function underSavepoint(tx: Prisma.TransactionClient, work: () => Promise<unknown>): Promise<unknown> {
  await tx.$executeRawUnsafe("SAVEPOINT item_write");
  try {
    await work();
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT item_write");
    return undefined;
  } catch (error) {
    await tx.$executeRawUnsafe("ROLLBACK TO SAVEPOINT item_write");
    await tx.$executeRawUnsafe("RELEASE SAVEPOINT item_write");
    return error ?? new Error("unknown error");
  }
}

/** Writes `items` with `write` (a batch, then single items after a failed batch); returns those not written. */
export async function writeItems<T>(
  tx: Prisma.TransactionClient,
  items: T[],
  batchSize: number,
  write: (batch: T[]) => Promise<unknown>,
): Promise<RefusedItem<T>[]> {
  const refused: RefusedItem<T>[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    const batch = items.slice(start, start + batchSize);
    if (await underSavepoint(tx, () => write(batch))) {
      for (const item of batch) {
        const error = await underSavepoint(tx, () => write([item]));
        if (error) refused.push({ item, reason: refusal(error) });
      }
    }
  }
  return refused;
}
