import { getDb } from "@/db/client";
import { handOverCaseRow } from "@/db/queries/case-events";
import { findCase } from "@/db/queries/cases";
import { revokeLinksAndTheirSessions } from "@/db/queries/join-links";
import { listActiveParticipants } from "@/db/queries/participants";
import { revokeSessionsOfParticipant } from "@/db/queries/sessions";
import { findUserById } from "@/db/queries/users";
import type { StaffActor } from "../access/actor";
import { caseClosedError } from "../access/assert-case-open";
import { isUuid } from "../collab/doc-names";
import { AppError } from "../errors";
import type { Locale } from "../i18n/locales";
import { invalidInput } from "../input-errors";
import { announceParticipantRevoked } from "./announce-participant-revoked";
import { ZHandOverCase } from "./case-lifecycle-input";
import { organisationOfCase } from "../organisations/organisation-of-case";
import { isCaseworkerOf } from "./is-caseworker-of";
import { isTeamLead } from "./is-team-lead";
import { sendNewCaseworkerEmail } from "./new-caseworker-email";

/**
 * A team lead hands a case to another caseworker. The new caseworker becomes the case's assigned
 * caseworker and its caseworker participant (so they enter its page and rooms with their staff
 * session); the previous caseworker's caseworker participant is removed, so they lose access
 * unless they are on the case in another role, and their open sockets close at once. The
 * employee (when they have an e-mail address) is told who their new caseworker is — the name
 * only, through the outbox. A closed case is handed over only after it is reopened (409).
 */
export async function handOverCase(input: {
  actor: StaffActor | null | undefined;
  caseId: string;
  raw: unknown;
  locale: Locale;
  now?: Date;
}): Promise<{ caseId: string; caseworkerParticipantId: string; told: number }> {
  const actor = input.actor;
  if (!actor) throw new AppError("UNAUTHENTICATED", "not signed in");
  if (!isTeamLead(actor)) throw new AppError("FORBIDDEN", "only a team lead hands cases over");
  if (!isUuid(input.caseId)) throw new AppError("NOT_FOUND", "no such case");
  const db = await getDb();
  const c = await findCase(db, input.caseId);
  // Another organisation's case looks like no case at all (no existence leak).
  if (!c || c.organisationId !== actor.organisationId) throw new AppError("NOT_FOUND", "no such case");
  const parsed = ZHandOverCase.safeParse(input.raw);
  if (!parsed.success) throw invalidInput(parsed.error);
  if (c.state === "closed") throw caseClosedError();
  const to = await findUserById(db, parsed.data.toUserId);
  // Only an active caseworker (or team lead) of the same organisation takes a case on.
  if (!to || !isCaseworkerOf(to, actor.organisationId))
    throw new AppError("INVALID_INPUT", "not a caseworker", { toUserId: "notCaseworker" });
  if (to.id === c.assignedCaseworkerId) throw new AppError("CONFLICT", "already their case", { toUserId: "alreadyAssigned" });
  const now = input.now ?? new Date();
  const caseworker = to.name ?? to.email ?? to.id;
  const { removedParticipantIds, caseworkerParticipantId } = await handOverCaseRow(db, {
    caseId: c.id,
    fromUserId: c.assignedCaseworkerId,
    toUser: { id: to.id, displayName: caseworker.slice(0, 120), email: to.email },
    byUserId: actor.userId,
    at: now,
  });
  for (const id of removedParticipantIds) {
    // A participant the new caseworker replaced may have had a join link: it ends with them.
    await revokeLinksAndTheirSessions(db, id, now);
    await revokeSessionsOfParticipant(db, id, now);
    await announceParticipantRevoked(id);
  }
  let told = 0;
  const { name: organisation } = await organisationOfCase(c.id);
  for (const p of await listActiveParticipants(db, c.id)) {
    if (p.role !== "employee" || !p.email) continue;
    await sendNewCaseworkerEmail({ to: p.email, name: p.displayName, caseworker, organisation, locale: input.locale, participantId: p.id });
    told++;
  }
  return { caseId: c.id, caseworkerParticipantId, told };
}
