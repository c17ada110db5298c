import { isAppError } from "@/lib/errors";

/** Why a join link could not be opened, in the words /join/invalid knows; unexpected errors are logged. */
export function joinFailure(e: unknown): "gone" | "unknown" | "error" {
  if (isAppError(e) && e.code === "GONE") return "gone";
  if (isAppError(e) && e.code === "NOT_FOUND") return "unknown";
  if (!isAppError(e)) console.error(e);
  return "error";
}
