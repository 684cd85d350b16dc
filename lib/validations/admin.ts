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
  kind: z.enum(["PODCAST", "YOUTUBE", "VIDEO", "APPLE", "SPOTIFY"], { error: "Choose what kind of feed it is." }),
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
