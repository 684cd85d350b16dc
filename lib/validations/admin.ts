import { z } from "zod";

export const adminSignInSchema = z.object({
  token: z.string().min(1, { error: "Enter the admin token." }).max(500),
});

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
  // A checkbox: present ("on") when ticked, absent otherwise.
  ownerConfirmed: z.literal("on").optional().transform((value) => value === "on"),
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

export type ActionState = { ok: boolean; message?: string; fieldErrors?: Record<string, string[] | undefined> };

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
  priorConsent: z.literal("on").optional().transform((value) => value === "on"),
});

export const composeIssueSchema = z.object({
  kind: z.enum(["DIGEST", "EPISODES", "STORIES"], { error: "Choose what the issue carries." }),
  intro: z.string().max(2000, { error: "Keep the introduction under 2,000 characters." }).default(""),
});

export const issueIdSchema = z.object({ issueId: z.string().min(1).max(40) });
