import { getDb } from "@/db/client";
import { insertCase } from "@/db/queries/meetings";
import { AppError } from "../errors";
import { isTrack, type Track } from "../plan/track";

export type CaseSummary = { id: string; employeeName: string; employer: string | null; track: Track };

/** Open a return-to-work case. No health information is asked for or stored here. */
export async function createCase(input: { employeeName: string; employer?: string | null; track: Track }): Promise<CaseSummary> {
  const employeeName = input.employeeName.trim();
  if (!employeeName || employeeName.length > 200) {
    throw new AppError("INVALID_INPUT", "employee name is required", { employeeName: "required" });
  }
  if (!isTrack(input.track)) throw new AppError("INVALID_INPUT", "unknown track", { track: "enum" });
  const row = await insertCase(await getDb(), {
    employeeName,
    employer: input.employer?.trim() || null,
    track: input.track,
  });
  return { id: row.id, employeeName: row.employeeName, employer: row.employer, track: row.track };
}
