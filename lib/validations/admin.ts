import "server-only";
import { z } from "zod";
import { emailAddressSchema } from "./newsletter";
import { TIME_ZONES } from "@/lib/newsletter/schedule";

export const adminSignInSchema = z.object({
  token: z.string().min(1, { error: "Enter the admin token." }).max(500),
});

// A checkbox: present ("on") when ticked, absent otherwise.
const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

const optionalSlug = z
  .string()
  .trim()
  .max(80)
  .transform((value) => value || undefined)
  .optional();

export const addSourceSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: "Enter the feed's http(s) address." }).max(2048),
  kind: z.enum(["PODCAST", "YOUTUBE", "VIDEO", "APPLE", "SPOTIFY", "STORIES"], { error: "Choose what kind of feed it is." }),
  showSlug: optionalSlug,
  ownerConfirmed: checkbox,
});

export const sourceIdSchema = z.object({ sourceId: z.string().min(1).max(40) });

export const sourceUrlSchema = sourceIdSchema.extend({
  url: z.url({ protocol: /^https?$/, error: "Enter the feed's http(s) address." }).max(2048),
});

export const sourceEnabledSchema = sourceIdSchema.extend({ enabled: z.enum(["true", "false"]).transform((value) => value === "true") });

export const linkDecisionSchema = z.object({
  linkId: z.string().min(1).max(40),
  decision: z.enum(["ACCEPTED", "REJECTED"]),
});

export const subscriberListParamsSchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  status: z.enum(["PENDING", "CONFIRMED", "UNSUBSCRIBED"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});

export const subscriberIdSchema = z.object({ subscriberId: z.string().min(1).max(40) });

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const importSubscribersSchema = z.object({
  file: z
    .instanceof(File, { error: "Choose a CSV file." })
    .refine((file) => file.size > 0, { error: "The file is empty." })
    .refine((file) => file.size <= IMPORT_MAX_BYTES, { error: "The file is over 5 MB: split it." }),
  priorConsent: checkbox,
});

export const composeIssueSchema = z.object({
  kind: z.enum(["DIGEST", "EPISODES", "STORIES"], { error: "Choose what the issue carries." }),
  intro: z.string().max(2000, { error: "Keep the introduction under 2,000 characters." }).default(""),
});

export const issueIdSchema = z.object({ issueId: z.string().min(1).max(40) });

/** Sending to subscribers is confirmed with a tick beside the number of people it goes to. */
export const sendIssueSchema = issueIdSchema.extend({
  confirm: z.literal("on", { error: "Tick the box to confirm: the issue goes to every subscriber named." }),
});

export const testIssueSchema = issueIdSchema.extend({ to: emailAddressSchema });

const wholeNumber = (min: number, max: number, error: string) => z.coerce.number({ error }).int({ error }).min(min, { error }).max(max, { error });

/** The automatic e-mails: a new-episode announcement after a wait, and the weekly digest's day, hour and zone. */
export const newsletterScheduleSchema = z.object({
  episodeMails: checkbox,
  episodeDelayMinutes: wholeNumber(1, 1440, "Wait from 1 to 1,440 minutes."),
  digestEnabled: checkbox,
  digestWeekday: wholeNumber(0, 6, "Choose a day of the week."),
  digestHour: wholeNumber(0, 23, "Choose an hour from 0 to 23."),
  digestTimeZone: z
    .string()
    .trim()
    .max(64)
    .refine((zone) => TIME_ZONES.includes(zone), { error: "Choose a time zone from the list, e.g. Europe/Berlin." }),
});

/** A platform page pasted by a producer: the show's page there, or one episode's, checked to be that platform's. */
const PLATFORM_PAGES = {
  apple: {
    label: "Apple Podcasts",
    hosts: ["podcasts.apple.com"],
    show: /^\/(?:[a-z]{2}\/)?podcast\/(?:[^/]+\/)?id\d{5,12}\/?$/,
    episode: /^\/(?:[a-z]{2}\/)?podcast\/(?:[^/]+\/)?id\d{5,12}\/?$/,
    example: "https://podcasts.apple.com/us/podcast/your-show/id1234567890",
  },
  spotify: {
    label: "Spotify",
    hosts: ["open.spotify.com"],
    show: /^\/show\/[A-Za-z0-9]{22}\/?$/,
    episode: /^\/episode\/[A-Za-z0-9]{22}\/?$/,
    example: "https://open.spotify.com/show/…",
  },
  youtube: {
    label: "YouTube",
    hosts: ["www.youtube.com", "youtube.com", "m.youtube.com", "youtu.be"],
    show: /^\/(?:channel\/[\w-]{10,64}|@[\w.-]{3,30}|c\/[\w.-]+|user\/[\w.-]+|playlist)\/?$/,
    episode: /^\/(?:watch|shorts\/[\w-]{11}|live\/[\w-]{11}|[\w-]{11})\/?$/,
    example: "https://www.youtube.com/@yourshow",
  },
  rumble: {
    label: "Rumble",
    hosts: ["rumble.com", "www.rumble.com"],
    show: /^\/(?:c|user)\/[\w.-]+\/?$/,
    episode: /^\/(?:v[a-z0-9]+-[\w.-]+\.html|embed\/v[a-z0-9]+\/?)$/i,
    example: "https://rumble.com/c/YourShow",
  },
} as const;

export type PlatformName = keyof typeof PLATFORM_PAGES;

function platformPage(platform: PlatformName, level: "show" | "episode") {
  const rule = PLATFORM_PAGES[platform];
  const error = level === "show" ? `That is not a show's page on ${rule.label} (like ${rule.example}).` : `That is not an episode's page on ${rule.label}.`;
  return z
    .string()
    .trim()
    .max(2048)
    .refine(
      (value) => {
        const url = URL.parse(value);
        if (!url || url.protocol !== "https:" || !(rule.hosts as readonly string[]).includes(url.hostname) || !rule[level].test(url.pathname)) return false;
        // An episode is a query away from its show on two platforms: Apple's ?i=, YouTube's /watch?v=.
        if (level === "episode" && platform === "apple") return /^\d{5,20}$/.test(url.searchParams.get("i") ?? "");
        if (level === "episode" && platform === "youtube" && url.pathname === "/watch") return /^[\w-]{11}$/.test(url.searchParams.get("v") ?? "");
        return true;
      },
      { error },
    );
}

const optionalPage = (platform: PlatformName) => z.union([z.literal("").transform(() => null), platformPage(platform, "show")]);

export const showPlatformPagesSchema = z.object({
  showSlug: z.string().trim().min(1).max(80),
  appleUrl: optionalPage("apple"),
  spotifyUrl: optionalPage("spotify"),
  youtubeUrl: optionalPage("youtube"),
  rumbleUrl: optionalPage("rumble"),
});

export const episodeLinkSchema = z
  .object({
    episodeSlug: z.string().trim().min(1).max(200),
    platform: z.enum(["apple", "spotify", "youtube", "rumble"], { error: "Choose the platform." }),
    url: z.string().trim().max(2048),
  })
  .superRefine((value, context) => {
    const checked = platformPage(value.platform, "episode").safeParse(value.url);
    if (!checked.success) context.addIssue({ code: "custom", path: ["url"], message: checked.error.issues[0]!.message });
  });

export const analyticsSettingsSchema = z.object({ countDownloads: checkbox, showMostListened: checkbox });
