// The one way a route handler answers a refusal: an AppError thrown by the work becomes its status and message as
// JSON, never cached; anything else is a bug and stays one.
import "server-only";
import { AppError } from "@/lib/errors";

export function refusal(error: AppError, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: error.message, ...extra }, { status: error.status, headers: { "cache-control": "no-store" } });
}

export function route<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof AppError) return refusal(error);
      throw error;
    }
  };
}
