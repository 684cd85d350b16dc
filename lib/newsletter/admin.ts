// The admin's view of the list: counts and growth, search, CSV out and in, and deleting a person for good.
import "server-only";
import { AppError } from "@/lib/errors";
import { parse } from "csv-parse/sync";
import { csvRows } from "@/lib/text/csv";
import { prisma, Prisma } from "@/lib/db";
import type { SubscriberStatus } from "@/lib/generated/prisma/client";
import { emailAddressSchema, subscriberNameSchema } from "@/lib/validations/newsletter";
import { siteName } from "@/lib/shows/shows";
import { assertStaff, type Admin } from "@/lib/auth/staff";

export const SUBSCRIBERS_PER_PAGE = 50;
const GROWTH_WEEKS = 8;
export const IMPORT_MAX_ROWS = 100_000;

export async function subscriberStats(admin: Admin) {
  assertStaff(admin, "ADMIN");
  const [groups, growth] = await Promise.all([
    prisma.subscriber.groupBy({ by: ["status"], _count: { _all: true } }),
    prisma.$queryRaw<{ week: Date; confirmed: number; left: number }[]>`
      WITH weeks AS (SELECT generate_series(date_trunc('week', now()) - make_interval(weeks => ${GROWTH_WEEKS - 1}), date_trunc('week', now()), interval '1 week') AS week)
      SELECT w.week,
        (SELECT count(*)::int FROM "Subscriber" s WHERE s."confirmedAt" >= w.week AND s."confirmedAt" < w.week + interval '1 week') AS confirmed,
        (SELECT count(*)::int FROM "Subscriber" s WHERE s."unsubscribedAt" >= w.week AND s."unsubscribedAt" < w.week + interval '1 week') AS "left"
      FROM weeks w ORDER BY w.week`,
  ]);
  const counts: Record<SubscriberStatus, number> = { PENDING: 0, CONFIRMED: 0, UNSUBSCRIBED: 0 };
  for (const group of groups) counts[group.status] = group._count._all;
  return { counts, growth };
}

export interface SubscriberFilter {
  query?: string;
  status?: SubscriberStatus;
  page: number;
}

function subscriberWhere({ query, status }: Omit<SubscriberFilter, "page">): Prisma.SubscriberWhereInput {
  return {
    ...(status && { status }),
    ...(query && { OR: [{ email: { contains: query, mode: "insensitive" } }, { name: { contains: query, mode: "insensitive" } }] }),
  };
}

export async function listSubscribers(admin: Admin, filter: SubscriberFilter) {
  assertStaff(admin, "ADMIN");
  const where = subscriberWhere(filter);
  const [total, subscribers] = await Promise.all([
    prisma.subscriber.count({ where }),
    prisma.subscriber.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (filter.page - 1) * SUBSCRIBERS_PER_PAGE,
      take: SUBSCRIBERS_PER_PAGE,
      select: {
        id: true,
        email: true,
        name: true,
        status: true,
        consentAt: true,
        consentSource: true,
        consentMethod: true,
        confirmedAt: true,
        unsubscribedAt: true,
        createdAt: true,
      },
    }),
  ]);
  return { total, subscribers, pageCount: Math.max(1, Math.ceil(total / SUBSCRIBERS_PER_PAGE)) };
}

/** Deletes the person and everything kept about them (deliveries go with them): gone for good. */
export async function deleteSubscriber(id: string): Promise<boolean> {
  return (await prisma.subscriber.deleteMany({ where: { id } })).count === 1;
}

const CSV_COLUMNS = [
  "email",
  "name",
  "status",
  "wants_episodes",
  "wants_stories",
  "wants_digest",
  "consent_at",
  "consent_source",
  "consent_method",
  "consent_text",
  "confirmed_at",
  "unsubscribed_at",
  "created_at",
] as const;

export async function subscribersCsv(admin: Admin, filter: Omit<SubscriberFilter, "page">): Promise<string> {
  assertStaff(admin, "ADMIN");
  const rows = await prisma.subscriber.findMany({ where: subscriberWhere(filter), orderBy: { createdAt: "asc" } });
  return csvRows([
    [...CSV_COLUMNS],
    ...rows.map((row) => [
      row.email,
      row.name,
      row.status,
      row.wantsEpisodes,
      row.wantsStories,
      row.wantsDigest,
      row.consentAt,
      row.consentSource,
      row.consentMethod,
      row.consentText,
      row.confirmedAt,
      row.unsubscribedAt,
      row.createdAt,
    ]),
  ]);
}

export interface ImportReport {
  added: number;
  /** Addresses already on the list: left exactly as they are (an unsubscribed person stays unsubscribed). */
  alreadyListed: number;
  problems: { line: number; message: string }[];
  /** Pending subscribers to mail a confirmation link (an import without prior consent). */
  toConfirm: string[];
}

/** Adds a CSV's people: with `priorConsent` the admin's word is their consent, else each is asked to confirm. */
export async function importSubscribers(csv: string, options: { priorConsent: boolean; fileName: string }, now = new Date()): Promise<ImportReport> {
  let records: Record<string, string>[];
  try {
    records = parse(csv, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new AppError("invalid", `The file is not readable CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new AppError("invalid", "The file has no rows under its header.");
  if (!("email" in records[0]!)) throw new AppError("invalid", 'The first line must name the columns, one of them "email".');
  if (records.length > IMPORT_MAX_ROWS) throw new AppError("invalid", `The file has ${records.length} rows; import at most ${IMPORT_MAX_ROWS} at a time.`);

  const problems: ImportReport["problems"] = [];
  const people = new Map<string, string>();
  records.forEach((record, index) => {
    const line = index + 2;
    const email = emailAddressSchema.safeParse(record.email ?? "");
    const name = subscriberNameSchema.safeParse(record.name ?? "");
    if (!email.success) problems.push({ line, message: `${record.email || "(no address)"}: ${email.error.issues[0]!.message}` });
    else if (!name.success) problems.push({ line, message: `${email.data}: ${name.error.issues[0]!.message}` });
    else if (!people.has(email.data)) people.set(email.data, name.data);
  });

  const site = await siteName();
  const consentText = options.priorConsent
    ? `Imported by an admin who confirmed that this person had agreed to receive e-mail messages from ${site}.`
    : `Imported without a record of consent: asked to confirm by e-mail.`;
  const result = await prisma.$transaction(async (tx) => {
    const existing = new Set((await tx.subscriber.findMany({ where: { email: { in: [...people.keys()] } }, select: { email: true } })).map((row) => row.email));
    const fresh = [...people].filter(([email]) => !existing.has(email));
    await tx.subscriber.createMany({
      data: fresh.map(([email, name]) => ({
        email,
        name,
        status: options.priorConsent ? ("CONFIRMED" as const) : ("PENDING" as const),
        confirmedAt: options.priorConsent ? now : null,
        consentText,
        consentAt: now,
        consentSource: `import: ${options.fileName.slice(0, 200)}`,
        consentMethod: "IMPORT" as const,
      })),
      skipDuplicates: true,
    });
    const toConfirm = options.priorConsent
      ? []
      : (await tx.subscriber.findMany({ where: { email: { in: fresh.map(([email]) => email) } }, select: { id: true } })).map((row) => row.id);
    return { added: fresh.length, alreadyListed: existing.size, toConfirm };
  });
  return { ...result, problems };
}
