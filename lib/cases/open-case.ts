import { getDb } from "@/db/client";
import { findUserById } from "@/db/queries/users";
import { AppError } from "../errors";
import { assertStaffCan } from "../permissions";
import { isActiveStaff } from "../auth/is-active-staff";
import { invalidInput } from "../input-errors";
import { ZNewCase } from "./case-input";
import { createCase, type CaseSummary } from "./create-case";

/**
 * A signed-in caseworker opens a case from the form. Who → what (zod) → do: the case, with the
 * caseworker as its first participant (linked to their staff account, so they enter the room
 * with their staff session).
 */
export async function openCase(input: { staffUserId: string | null | undefined; raw: unknown }): Promise<CaseSummary> {
  if (!input.staffUserId) throw new AppError("UNAUTHENTICATED", "not signed in");
  const user = await findUserById(await getDb(), input.staffUserId);
  if (!isActiveStaff(user) || !user?.organisationId || !user.staffRole) throw new AppError("FORBIDDEN", "only staff open cases");
  assertStaffCan([user.staffRole], "open_case");
  const parsed = ZNewCase.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  return createCase({
    ...parsed.data,
    organisationId: user.organisationId,
    caseworker: { userId: user.id, displayName: user.name ?? user.email ?? user.id, email: user.email },
  });
}
