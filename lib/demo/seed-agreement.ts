import { getDb } from "@/db/client";
import { listAgreementsOfCase } from "@/db/queries/agreements";
import { listActiveParticipants } from "@/db/queries/participants";
import type { Me } from "../access/actor";
import { prepareAgreement } from "../agreements/prepare-agreement";
import { signAgreement } from "../agreements/sign-agreement";
import { scheduleMeeting } from "../meetings/schedule-meeting";
import { organisationOfCase } from "../organisations/organisation-of-case";
import type { Role } from "../plan/roles";
import { addDays, dateInZone, zonedToInstant } from "../time/zoned";
import { fillKurtMeeting, KURT } from "./kurt-case";

const PREVIOUS_MEETING_TITLE = "Første fællesmøde om Kurts tilbagevenden";
const CLIENT = { ip: null, userAgent: "Stepwise demo seed" };

/**
 * Kurt's previous meeting, about four weeks ago, ended in a binding agreement: the chair (Mette)
 * prepared it; Mette and Susanne (union representative, as supporter) signed on their own
 * devices, Kurt and Lars in turn at Mette's screen; the server sealed it. All through the real
 * use-cases, so the demo's evidence is real evidence. Seeds only when the case has no agreement
 * yet; returns the absolute bundle URLs of the case's sealed versions for demo-links.json.
 */
export async function ensureKurtAgreement(input: { caseId: string; baseUrl: string; now: Date }): Promise<string[]> {
  const db = await getDb();
  if ((await listAgreementsOfCase(db, input.caseId)).length === 0) await seedPreviousMeeting(input.caseId, input.now);
  const versions = await listAgreementsOfCase(db, input.caseId);
  return versions.filter((v) => v.sealedAt).map((v) => `${input.baseUrl}/api/agreements/${v.id}/bundle`);
}

async function seedPreviousMeeting(caseId: string, now: Date): Promise<void> {
  const db = await getDb();
  const people = await listActiveParticipants(db, caseId);
  const person = (role: Role) => people.find((p) => p.role === role);
  const caseworker = person("caseworker");
  const employee = person("employee");
  const manager = person("manager");
  const unionRep = person("union_rep");
  if (!caseworker || !employee || !manager) return;

  const day = addDays(dateInZone(now), -28);
  const startsAt = zonedToInstant(day, "10:00");
  const meeting = await scheduleMeeting({
    caseId,
    track: KURT.track,
    title: PREVIOUS_MEETING_TITLE,
    startsAt,
    durationMinutes: 75,
    location: KURT.location,
    // The plan as agreed then; its next meeting is today's at 10:00.
    fill: (doc) => fillKurtMeeting(doc, { today: day, owners: { caseworker: caseworker.id, employee: employee.id, manager: manager.id } }),
  });

  const at = (minutes: number) => new Date(startsAt.getTime() + minutes * 60_000);
  const { id: organisationId } = await organisationOfCase(caseId);
  // Each person as they were then: in the room by their personal link, opened at `openedAt`.
  const actor = (p: NonNullable<typeof caseworker>, openedAt: Date): Me => ({
    participantId: p.id,
    caseId,
    role: p.role,
    displayName: p.displayName,
    colorIndex: p.colorIndex,
    actor: {
      kind: "participant",
      participantId: p.id,
      caseId,
      organisationId,
      roles: [],
      authMethod: "join-link",
      authenticatedAt: openedAt,
    },
  });
  const mette = actor(caseworker, at(5));
  const v = await prepareAgreement({
    me: mette,
    meetingId: meeting.id,
    unionRepSigns: unionRep !== undefined,
    client: CLIENT,
    now: at(66),
  });
  const sign = (who: Me, confirmation: Parameters<typeof signAgreement>[0]["confirmation"], minute: number) =>
    signAgreement({
      me: who,
      agreementId: v.agreementId,
      confirmation,
      readAndAgreed: true,
      shownHash: v.fingerprint,
      client: CLIENT,
      now: at(minute),
    });

  await sign(actor(caseworker, at(60)), { mode: "own-device", typedName: caseworker.displayName }, 68);
  if (unionRep) await sign(actor(unionRep, at(61)), { mode: "own-device", typedName: unionRep.displayName }, 69);
  for (const [i, p] of [employee, manager].entries()) {
    await sign(mette, { mode: "shared-screen", signerParticipantId: p.id, typedName: p.displayName, identityChecked: true }, 70 + i);
  }
}
