// Comment forms, checked at the door. Bodies are plain text: control characters (other than line breaks) and the
// invisible characters used to disguise words or reverse text are refused.
import { z } from "zod";
import { displayNameSchema } from "./people";

/** How long after posting a comment can be edited. */
export const EDIT_MINUTES = 10;
export const COMMENT_MAX = 5000;
export const REPORT_REASON_MAX = 500;

export const commentBodySchema = z
  .string({ error: "Write something first." })
  .transform((body) =>
    body
      .replace(/\r\n?/g, "\n")
      .replace(/\n{3,}/g, "\n\n")
      .trim(),
  )
  .pipe(
    z
      .string()
      .min(2, { error: "Write something first." })
      .max(COMMENT_MAX, { error: `Keep it under ${COMMENT_MAX.toLocaleString("en")} characters.` })
      .refine((body) => !/[\u0000-\u0009\u000b-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(body), {
        error: "Your comment has invisible or control characters in it: please type it again.",
      }),
  );

export const commentTargetSchema = z.object({
  kind: z.enum(["episode", "story"]),
  slug: z
    .string()
    .max(200)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
});

export type CommentTarget = z.infer<typeof commentTargetSchema>;

export const postCommentSchema = z.object({
  kind: commentTargetSchema.shape.kind,
  slug: commentTargetSchema.shape.slug,
  body: commentBodySchema,
  parentId: z
    .string()
    .max(40)
    .optional()
    .transform((value) => value || undefined),
  momentSeconds: z
    .union([
      z.literal(""),
      z.coerce
        .number()
        .int()
        .min(0)
        .max(24 * 3600),
    ])
    .optional()
    .transform((value) => (value === "" || value === undefined ? undefined : value)),
  // Asked with a reader's first comment: the name their comments are shown by.
  displayName: z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(displayNameSchema.optional()),
  // Anti-bot: a field people never see, and when the form was shown (milliseconds since the epoch).
  website: z.string().max(2000).catch("x").default(""),
  shownAt: z.coerce.number().int().catch(0).default(0),
});

export const editCommentSchema = z.object({ commentId: z.string().min(1).max(40), body: commentBodySchema });
export const commentIdSchema = z.object({ commentId: z.string().min(1).max(40) });
export const reportCommentSchema = commentIdSchema.extend({
  reason: z.string().trim().min(1, { error: "Say what is wrong with it." }).max(REPORT_REASON_MAX),
});
export const moderateSchema = z.object({
  action: z.enum(["approve", "spam", "remove", "ban"], { error: "Choose what to do." }),
  // One ticked box arrives as a value, several as a list, none as nothing.
  commentIds: z.preprocess(
    (ids) => (ids === undefined ? [] : [ids].flat()),
    z.array(z.string().min(1).max(40)).min(1, { error: "Tick at least one comment." }).max(200),
  ),
});
export const commentListParamsSchema = z.object({
  kind: commentTargetSchema.shape.kind,
  slug: commentTargetSchema.shape.slug,
  order: z.enum(["newest", "oldest", "top"]).catch("oldest").default("oldest"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type CommentOrder = z.infer<typeof commentListParamsSchema>["order"];

export const setRoleSchema = z.object({ userId: z.string().min(1).max(40), role: z.enum(["READER", "MODERATOR", "ADMIN"]) });
export const userIdSchema = z.object({ userId: z.string().min(1).max(40) });
