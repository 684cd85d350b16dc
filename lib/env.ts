// The one place that reads process.env. Every variable is checked here once; a wrong value stops start-up with a
// message that names it. The README's configuration table lists the same variables.
import "server-only";
import { z } from "zod";
// Relative, not "@/": next.config.ts loads this file, and Next's config loader does not resolve path aliases.
import { describeIssues } from "./validations/issues";

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      return ["postgres:", "postgresql:"].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, "must be a postgres:// or postgresql:// connection URL");

const optionalString = z
  .string()
  .trim()
  .transform((value) => value || undefined)
  .optional();

const portSchema = z.coerce
  .number({ error: "must be a port number from 1 to 65535" })
  .int({ error: "must be a port number from 1 to 65535" })
  .min(1, { error: "must be a port number from 1 to 65535" })
  .max(65535, { error: "must be a port number from 1 to 65535" });

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.preprocess((value) => (value === "" ? undefined : value), postgresUrl.optional()),
    // Unset: this machine on PORT (parseEnv).
    SITE_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" }).optional(),
    ),
    PORT: portSchema.default(3000),
    SHOWFRONT_DATA_DIR: z.string().trim().min(1).default(".data"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], { error: "must be fatal, error, warn, info, debug, trace or silent" })
      .default("info"),
    LOG_SLOW_QUERIES_MS: z.coerce.number({ error: "must be a whole number of milliseconds" }).int().min(0).default(200),
    FEEDS_ALLOW_PRIVATE_HOSTS: z.stringbool({ error: "must be true or false" }).default(false),
    ADMIN_TOKEN: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.string().min(24, { error: "must be at least 24 characters (e.g. openssl rand -base64 32)" }).optional(),
    ),
    SPOTIFY_CLIENT_ID: optionalString,
    SPOTIFY_CLIENT_SECRET: optionalString,
    JOBS_ENABLED: z.stringbool({ error: "must be true or false" }).default(true),
    FEEDS_SYNC_INTERVAL_MINUTES: z.coerce
      .number({ error: "must be a whole number of minutes" })
      .int()
      .min(5)
      .max(24 * 60)
      .default(30),
    EDGE_CACHE_SECONDS: z.coerce.number({ error: "must be a whole number of seconds" }).int().min(0).max(300).default(1),
    // false: production Next listens on PORT itself, one process, for a front of your own (nginx, deploy/nginx.conf)
    // that balances several instances; true: the built-in front (lib/serving/edge-cache.ts) takes PORT.
    BUILT_IN_FRONT: z.stringbool({ error: "must be true or false" }).default(true),
    // How many Next processes serve the production site behind the edge cache: each renders on one thread.
    WEB_CONCURRENCY: z.coerce.number({ error: "must be a whole number of processes from 1 to 16" }).int().min(1).max(16).optional(),
    // The secret mark Next stamps on its own scripts, which the front replaces with a fresh nonce in every response
    // (lib/security/content-security-policy.ts). Set by the launcher per start; behind nginx, the same value for both.
    CSP_NONCE_MARK: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(/^[A-Za-z0-9]{32,128}$/, { error: "must be 32 to 128 letters and digits" })
        .optional(),
    ),
    BUILD_STANDALONE: z.stringbool({ error: "must be true or false" }).default(false),
    SMTP_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.com:587" }).optional(),
    ),
    MAIL_FROM: z.preprocess((value) => (value === "" ? undefined : value), z.email({ error: "must be an e-mail address, e.g. news@example.com" }).optional()),
    TRUSTED_PROXY_HOPS: z.coerce.number({ error: "must be a whole number" }).int().min(0).max(5).default(0),
    ADMIN_EMAILS: z
      .string()
      .trim()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((email) => email.trim().toLowerCase())
          .filter(Boolean),
      )
      .pipe(z.array(z.email({ error: "must be a comma-separated list of e-mail addresses" }))),
    GITHUB_CLIENT_ID: optionalString,
    GITHUB_CLIENT_SECRET: optionalString,
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    COMMENTS_MODERATION: z.enum(["all-approved", "first-held", "all-held"], { error: "must be all-approved, first-held or all-held" }).default("first-held"),
    // Uploaded images go to an S3-compatible bucket when these are set (all but the region), else under the data folder.
    MEDIA_S3_ENDPOINT: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.url({ protocol: /^https?$/, error: "must be the bucket service's http(s) address" }).optional(),
    ),
    MEDIA_S3_BUCKET: optionalString,
    MEDIA_S3_REGION: z.string().trim().min(1).default("us-east-1"),
    MEDIA_S3_ACCESS_KEY_ID: optionalString,
    MEDIA_S3_SECRET_ACCESS_KEY: optionalString,
    MEDIA_PUBLIC_URL: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.url({ protocol: /^https?$/, error: "must be the public http(s) address the bucket's files are served from" }).optional(),
    ),
    // How often the newsletter's schedule is looked at: new episodes whose wait is over, the weekly digest's hour.
    NEWSLETTER_CHECK_SECONDS: z.coerce.number({ error: "must be a whole number of seconds from 1 to 3600" }).int().min(1).max(3600).default(60),
    // How often raw listening events are rolled up into the counts the admin's analytics pages read.
    ANALYTICS_ROLLUP_SECONDS: z.coerce.number({ error: "must be a whole number of seconds from 1 to 3600" }).int().min(1).max(3600).default(300),
    // Tests only: a file holding an ISO instant the newsletter's schedule takes as now, so a week passes in seconds.
    SHOWFRONT_TEST_CLOCK_FILE: optionalString,
    TEST_DATABASE_URL: z.preprocess((value) => (value === "" ? undefined : value), postgresUrl.optional()),
    TEST_POSTGRES_15_BIN: optionalString,
    CHROME_PATH: optionalString,
  })
  .superRefine((env, context) => {
    const bucket = ["MEDIA_S3_ENDPOINT", "MEDIA_S3_BUCKET", "MEDIA_S3_ACCESS_KEY_ID", "MEDIA_S3_SECRET_ACCESS_KEY", "MEDIA_PUBLIC_URL"] as const;
    const missing = bucket.filter((name) => !env[name]);
    if (missing.length > 0 && missing.length < bucket.length) {
      for (const name of missing) context.addIssue({ code: "custom", path: [name], message: "is needed too when an S3 bucket is configured for media" });
    }
  });

export type Env = Omit<z.infer<typeof envSchema>, "SITE_URL"> & { SITE_URL: string };

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses an environment; the message of the error it throws names every wrong variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return { ...result.data, SITE_URL: result.data.SITE_URL ?? `http://localhost:${result.data.PORT}` };
  throw new ConfigError(`Invalid configuration: ${describeIssues(result.error)}.`);
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
