import { getDb } from "@/db/client";
import { updateStaffOfOrganisation } from "@/db/queries/users";
import type { StaffActor } from "../access/actor";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import { z } from "zod";
import { ZStaffRole } from "./staff-input";
import { staffAdminOrganisation } from "./staff-admin";

const ZChange = z.object({ staffId: z.string().min(1), role: ZStaffRole });

/** An administrator changes a colleague's role (not their own: an organisation keeps its administrator). */
export async function changeStaffRole(input: { actor: StaffActor; raw: unknown }): Promise<void> {
  const organisationId = staffAdminOrganisation(input.actor);
  const parsed = ZChange.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  if (parsed.data.staffId === input.actor.userId) throw new AppError("CONFLICT", "not your own role", { role: "ownRole" });
  const row = await updateStaffOfOrganisation(await getDb(), organisationId, parsed.data.staffId, { staffRole: parsed.data.role });
  if (!row) throw new AppError("NOT_FOUND", "no such staff member");
}
