import { z } from "zod";

export const DISPLAY_NAME_MAX = 40;

/** A name to be shown by: letters (any script), digits, spaces and . ' - _; never an address; not "Admin" and the like. */
export const displayNameSchema = z
  .string({ error: "Choose a name to be shown by." })
  .transform((name) => name.normalize("NFC").replace(/\s+/g, " ").trim())
  .pipe(
    z
      .string()
      .min(2, { error: "Choose a name of at least 2 characters." })
      .max(DISPLAY_NAME_MAX, { error: `Keep your name under ${DISPLAY_NAME_MAX} characters.` })
      .regex(/^[\p{L}\p{M}\p{N} .'’_-]+$/u, { error: "Use letters, digits, spaces and . ' - _ only (an e-mail address is not a name)." })
      .refine((name) => /\p{L}/u.test(name), { error: "A name has at least one letter." })
      .refine((name) => !/^(admin|administrator|moderator|staff|showfront)\b/i.test(name), {
        error: "That name would pass for the site's staff: choose another.",
      }),
  );

export const displayNameFormSchema = z.object({ displayName: displayNameSchema });
