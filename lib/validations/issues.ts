import "server-only";
import type { z } from "zod";

/** A zod error as one line a person can act on: "url must be …; kind must be …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => [issue.path.join("."), issue.message].filter(Boolean).join(" ")).join("; ");
}
