import type { z } from "zod";
import { AppError } from "../errors";

/**
 * An API request's input (body or query) through its contract schema: the data, or one 400 that
 * names every wrong field with its code (`{ "details": { "startsAt": "invalidDateTime" } }`).
 */
export function parseApiInput<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const details: Record<string, string> = {};
  for (const issue of parsed.error.issues) details[issue.path.join(".") || "body"] ??= issue.message;
  throw new AppError("INVALID_INPUT", "Some fields are missing or not valid", details);
}
