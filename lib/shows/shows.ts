import "server-only";
import { prisma, Prisma } from "@/lib/db";

export const siteShowSelect = {
  slug: true,
  title: true,
  description: true,
  author: true,
  artworkUrl: true,
} satisfies Prisma.ShowSelect;

export type SiteShow = Prisma.ShowGetPayload<{ select: typeof siteShowSelect }>;

/** The show the site is the home of: the first one created (a network's flagship). */
export async function getSiteShow(): Promise<SiteShow | null> {
  return prisma.show.findFirst({ select: siteShowSelect, orderBy: { createdAt: "asc" } });
}

/** The site's name, as pages, e-mails and consent sentences give it: the flagship show's title. */
export async function siteName(): Promise<string> {
  return (await getSiteShow())?.title ?? "Showfront";
}

const showPageSelect = {
  ...siteShowSelect,
  demo: true,
  siteUrl: true,
  appleUrl: true,
  spotifyUrl: true,
  youtubeUrl: true,
  rumbleUrl: true,
  rssUrl: true,
  updatedAt: true,
} satisfies Prisma.ShowSelect;

export type ShowPage = Prisma.ShowGetPayload<{ select: typeof showPageSelect }>;

/** A show's own page: its description, its pages on the platforms and its episodes. */
export async function getShowPage(slug: string): Promise<ShowPage | null> {
  return prisma.show.findUnique({ where: { slug }, select: showPageSelect });
}
