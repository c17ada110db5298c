import type { ZodError } from "zod";
import { AppError } from "./errors";

/**
 * A failed form parse as one INVALID_INPUT error whose details map each field to a message code
 * (the zod messages are codes such as "required", never prose): the edge shows them inline.
 */
export function invalidInput(error: ZodError, message = "some fields need another look"): AppError {
  const details: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    details[field] ??= issue.message;
  }
  return new AppError("INVALID_INPUT", message, details);
}
