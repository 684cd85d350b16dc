// The newsletter's forms and links, checked at the door.
import "server-only";
import { z } from "zod";
import { isDisposableDomain } from "@/lib/newsletter/disposable-domains";

export const EMAIL_MAX = 254;
export const NAME_MAX = 100;

export const emailAddressSchema = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .toLowerCase()
  .min(1, { error: "Enter your e-mail address." })
  .max(EMAIL_MAX, { error: "That address is too long to be real." })
  .pipe(z.email({ error: "That does not look like an e-mail address: check it for typos." }))
  .refine((address) => !isDisposableDomain(address.slice(address.lastIndexOf("@") + 1)), {
    error: "Please use an address you keep: throwaway mailboxes are not accepted.",
  });

// A name goes into the To: header. Line breaks and other control characters are refused outright, so no name can
// smuggle in a header of its own (nodemailer also encodes whatever it is given).
export const subscriberNameSchema = z
  .string()
  .trim()
  .max(NAME_MAX, { error: `Keep your name under ${NAME_MAX} characters.` })
  .refine((name) => !/[\u0000-\u001f\u007f\u2028\u2029]/.test(name), { error: "Your name can only have letters, spaces and punctuation." })
  .default("");

export const signUpSchema = z.object({
  email: emailAddressSchema,
  name: subscriberNameSchema,
  // The page the form was on, for the consent record: a wrong value is recorded as the newsletter page, not refused.
  source: z
    .string()
    .max(300)
    .regex(/^\/[^\s]*$/)
    .catch("/newsletter")
    .default("/newsletter"),
  // The honeypot: a field people never see and bots fill in.
  website: z.string().max(2000).catch("x").default(""),
});

export type SignUpInput = z.infer<typeof signUpSchema>;

export const confirmTokenSchema = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });

// A subscriber's signed link: their id and the signature, as one value.
export const manageTokenSchema = z.object({ t: z.string().regex(/^[a-z0-9]{10,40}\.[A-Za-z0-9_-]{20,100}$/) });

const checkbox = z
  .literal("on")
  .optional()
  .transform((value) => value === "on");

export const preferencesSchema = manageTokenSchema.extend({ wantsEpisodes: checkbox, wantsStories: checkbox, wantsDigest: checkbox });

// The newsletter page after a refused post without JavaScript: what was typed comes back to be checked again.
export const newsletterPageParamsSchema = z.object({
  error: z.enum(["invalid", "throttled"]).optional().catch(undefined),
  email: z.string().max(300).optional().catch(undefined),
  name: z.string().max(200).optional().catch(undefined),
});

// Pages reached from links in e-mails: a malformed value shows the "not valid" state, never an error page.
export const linkPageParamsSchema = z.object({
  token: confirmTokenSchema.shape.token.optional().catch(undefined),
  t: manageTokenSchema.shape.t.optional().catch(undefined),
  done: z.literal("1").optional().catch(undefined),
  saved: z.literal("1").optional().catch(undefined),
});
