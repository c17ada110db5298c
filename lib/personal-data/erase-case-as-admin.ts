import { z } from "zod";
import { getDb } from "@/db/client";
import { findOrganisationOfCase } from "@/db/queries/organisations";
import type { StaffActor } from "../access/actor";
import { AppError } from "../errors";
import { invalidInput } from "../input-errors";
import { eraseCase, type ErasureSummary } from "./erase-case";

export const ERASE_REASON_MAX = 500;

/** The admin page's form: the case's id, why, and the box that says they mean it. */
const ZEraseForm = z.object({
  caseId: z
    .string({ message: "required" })
    .trim()
    .min(1, "required")
    .pipe(z.uuid({ message: "notFound" })),
  reason: z.string({ message: "required" }).trim().min(1, "required").max(ERASE_REASON_MAX, "tooLong"),
  confirm: z.literal("yes", { message: "confirm" }),
});

/**
 * An administrator erases a case of their own organisation (the admin page). Who → staff with the
 * `admin` role (else FORBIDDEN); what → the form above (INVALID_INPUT with a code per field);
 * where → a case of another organisation is NOT_FOUND, as one that does not exist. The record of
 * the erasure names the administrator by staff id (docs/decisions.md, "The life of personal data").
 */
export async function eraseCaseAsAdmin(input: { actor: StaffActor; raw: unknown }): Promise<ErasureSummary> {
  if (!input.actor.roles.includes("admin")) throw new AppError("FORBIDDEN", "only an administrator erases a case");
  const parsed = ZEraseForm.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error, "the erasure needs another look");
  const org = await findOrganisationOfCase(await getDb(), parsed.data.caseId);
  if (!org || org.id !== input.actor.organisationId) throw new AppError("NOT_FOUND", "no such case", { caseId: "notFound" });
  return eraseCase(parsed.data.caseId, parsed.data.reason, { kind: "admin", staffUserId: input.actor.userId });
}
