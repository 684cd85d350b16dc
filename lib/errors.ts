// The one error a person is meant to read: a refusal with a code from a closed set. Actions answer with its message,
// routes with its status; anything else thrown is a bug and surfaces as one.
import "server-only";
export const APP_ERROR_STATUS = {
  "bad-request": 400,
  unauthenticated: 401,
  forbidden: 403,
  "not-found": 404,
  conflict: 409,
  invalid: 422,
  "rate-limited": 429,
  unavailable: 503,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}
