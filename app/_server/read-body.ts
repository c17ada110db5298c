import type { z } from "zod";
import { AppError } from "@/lib/errors";

const MAX_BODY_BYTES = 16 * 1024;

/** The JSON body, validated; a calm 400 naming each field that is wrong (`details: { field: code }`). */
export async function readJsonBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("INVALID_INPUT", "The request is too large");
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : {};
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const details = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join(".") || "body", i.code]));
    throw new AppError("INVALID_INPUT", "Some fields are missing or not valid", details);
  }
  return parsed.data;
}
